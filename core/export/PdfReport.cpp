#include "core/export/PdfReport.h"

#include "core/export/AccuracySummary.h"
#include "core/export/ExportCommon.h"
#include "core/export/ReportContent.h"

#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>

namespace streetlens::exporting {

namespace {

constexpr int kDpi = 300;
const QColor kInk(0x1d, 0x27, 0x33);
const QColor kMuted(0x5b, 0x67, 0x75);
const QColor kLine(0xd9, 0xde, 0xe5);
const QColor kAccent(0x2f, 0x6f, 0xb2);
const QColor kBand(0x1f, 0x32, 0x47);
const QColor kBarBack(0xe8, 0xec, 0xf1);
const QColor kWarn(0xb7, 0x79, 0x1f);
const QColor kWarnBack(0xfd, 0xf6, 0xe7);
const QColor kEstimateBack(0xee, 0xf4, 0xfb);
const QColor kEstimateLine(0xc9, 0xdb, 0xef);
const QColor kFail(0xb4, 0x23, 0x18);

double mm(double v) {
  return v * kDpi / 25.4;
}

// Paints onto consecutive A4 pages with a running y position, header, footer and page breaks.
class PdfCanvas {
public:
  PdfCanvas(QPdfWriter &writer, QPainter &painter, QString headerText, QString footerText)
      : w_(writer), p_(painter), header_(std::move(headerText)), footer_(std::move(footerText)) {
    pageW_ = w_.width();
    pageH_ = w_.height();
  }

  QPainter &p() { return p_; }
  double left() const { return mm(16); }
  double width() const { return pageW_ - 2 * mm(16); }
  double pageWidth() const { return pageW_; }
  double y = 0;

  QFont font(double pt, bool bold = false, bool mono = false, bool italic = false) const {
    QFont f;
    f.setFamilies(mono ? QStringList{QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
                                     QStringLiteral("Courier New"), QStringLiteral("monospace")}
                       : QStringList{QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                                     QStringLiteral("Arial"), QStringLiteral("sans-serif")});
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
  }

  // Height of wrapped text in a box of the given width.
  double textHeight(const QFont &f, double width, const QString &text) const {
    const QFontMetricsF fm(f, &w_);
    return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap | Qt::TextWrapAnywhere, text).height();
  }
  double lineHeight(const QFont &f) const { return QFontMetricsF(f, &w_).height(); }

  void text(const QRectF &r, const QFont &f, const QColor &c, const QString &s,
            int flags = Qt::AlignLeft | Qt::AlignVCenter) {
    p_.setFont(f);
    p_.setPen(c);
    p_.drawText(r, flags, s);
  }
  void elided(const QRectF &r, const QFont &f, const QColor &c, const QString &s,
              int flags = Qt::AlignLeft | Qt::AlignVCenter, Qt::TextElideMode mode = Qt::ElideRight) {
    const QFontMetricsF fm(f, &w_);
    text(r, f, c, fm.elidedText(s, mode, r.width()), flags);
  }
  void hline(double x0, double x1, double yy, const QColor &c, double widthMm = 0.2) {
    p_.setPen(QPen(c, mm(widthMm)));
    p_.drawLine(QPointF(x0, yy), QPointF(x1, yy));
  }

  // Starts a page; the cover page has no running header.
  void newPage(bool cover = false) {
    if (pages_ > 0)
      w_.newPage();
    ++pages_;
    const QFont small = font(7.5);
    const double fy = pageH_ - mm(12);
    hline(left(), left() + width(), fy - mm(1.5), kLine);
    elided(QRectF(left(), fy, width() * 0.75, mm(5)), small, kMuted, footer_);
    text(QRectF(left(), fy, width(), mm(5)), small, kMuted, QStringLiteral("Page %1").arg(pages_),
         Qt::AlignRight | Qt::AlignVCenter);
    if (cover) {
      y = 0;
      return;
    }
    elided(QRectF(left(), mm(9), width() * 0.7, mm(5)), small, kMuted, header_);
    text(QRectF(left(), mm(9), width(), mm(5)), small, kMuted, QStringLiteral("An estimate, not proof"),
         Qt::AlignRight | Qt::AlignVCenter);
    hline(left(), left() + width(), mm(14.5), kLine);
    y = mm(20);
  }
  double bottom() const { return pageH_ - mm(18); }
  // Breaks the page when h more does not fit; true when it did.
  bool ensure(double h) {
    if (y + h <= bottom())
      return false;
    newPage();
    return true;
  }
  double remaining() const { return bottom() - y; }

  void heading(const QString &s) {
    ensure(mm(16));
    y += mm(4);
    const QFont f = font(13, true);
    text(QRectF(left(), y, width(), mm(7)), f, kInk, s);
    y += mm(7.5);
    p_.fillRect(QRectF(left(), y, width(), mm(0.6)), kAccent);
    y += mm(3.5);
  }

private:
  QPdfWriter &w_;
  QPainter &p_;
  QString header_, footer_;
  double pageW_ = 0, pageH_ = 0;
  int pages_ = 0;
};

// Draws an image centred in a box with a light frame, keeping its aspect ratio.
void drawFitted(PdfCanvas &c, const QRectF &box, const QImage &img, const QString &placeholder) {
  QPainter &p = c.p();
  p.fillRect(box, QColor(0xf4, 0xf6, 0xf8));
  if (!img.isNull()) {
    QSizeF s = img.size();
    s.scale(box.size() - QSizeF(mm(1), mm(1)), Qt::KeepAspectRatio);
    const QRectF target(box.center().x() - s.width() / 2, box.center().y() - s.height() / 2, s.width(),
                        s.height());
    p.drawImage(target, img);
  } else {
    c.text(box.adjusted(mm(4), 0, -mm(4), 0), c.font(8.5), kMuted, placeholder,
           Qt::AlignCenter | Qt::TextWordWrap);
  }
  p.setPen(QPen(kLine, mm(0.25)));
  p.setBrush(Qt::NoBrush);
  p.drawRect(box);
}

// Key/value rows with wrapped values; returns the height used.
double factsTable(PdfCanvas &c, const ReportRows &rows, double x, double width, double labelWidth, double pt,
                  bool paginate) {
  const double start = c.y;
  const QFont label = c.font(pt, true);
  for (const auto &row : rows) {
    const bool mono = row.first.contains(QStringLiteral("SHA-256"));
    const QFont value = mono ? c.font(pt - 1.0, false, true) : c.font(pt);
    const double vw = width - labelWidth;
    const double h = std::max(c.lineHeight(label), c.textHeight(value, vw, row.second)) + mm(2.2);
    if (paginate)
      c.ensure(h);
    c.text(QRectF(x, c.y + mm(1.1), labelWidth, h), label, kMuted, row.first, Qt::AlignLeft | Qt::AlignTop);
    c.text(QRectF(x + labelWidth, c.y + mm(1.1), vw, h), value, kInk, row.second,
           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap | Qt::TextWrapAnywhere);
    c.y += h;
    c.hline(x, x + width, c.y, kLine, 0.15);
  }
  return c.y - start;
}

void notice(PdfCanvas &c, const QString &title, const QString &body) {
  const QFont tf = c.font(9.5, true);
  const QFont bf = c.font(8.5);
  const double inner = c.width() - mm(9);
  const double h = mm(3) + c.lineHeight(tf) + mm(1) + c.textHeight(bf, inner, body) + mm(3);
  c.ensure(h + mm(3));
  c.y += mm(3);
  const QRectF box(c.left(), c.y, c.width(), h);
  c.p().fillRect(box, kWarnBack);
  c.p().fillRect(QRectF(box.left(), box.top(), mm(1.2), box.height()), kWarn);
  c.text(QRectF(box.left() + mm(5), box.top() + mm(3), inner, c.lineHeight(tf)), tf, kInk, title);
  c.text(QRectF(box.left() + mm(5), box.top() + mm(4) + c.lineHeight(tf), inner, h), bf, kInk, body,
         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
  c.y += h;
}

void accuracyTiles(PdfCanvas &c, const AccuracySummary &acc) {
  c.heading(QStringLiteral("Accuracy against EXIF GPS"));
  c.text(QRectF(c.left(), c.y, c.width(), mm(5)), c.font(8.5), kMuted,
         QStringLiteral("%1 of %2 images carry a GPS position; great-circle (haversine) distances.")
             .arg(acc.withTruth)
             .arg(acc.images));
  c.y += mm(6.5);
  const int n = static_cast<int>(kAccuracyThresholdsKm.size()) + 2;
  const double gap = mm(2.5);
  const double tw = (c.width() - gap * (n - 1)) / n;
  const double th = mm(17);
  c.ensure(th);
  for (int i = 0; i < n; ++i) {
    QString value, key;
    if (i < static_cast<int>(kAccuracyThresholdsKm.size())) {
      value = QString::number(acc.withinPercent[static_cast<std::size_t>(i)], 'f', 1) + u'%';
      key = QStringLiteral("≤ %1 km").arg(
          QLocale().toString(kAccuracyThresholdsKm[static_cast<std::size_t>(i)], 'f', 0));
    } else if (i == n - 2) {
      value = formatDistanceKm(acc.medianKm);
      key = QStringLiteral("median error");
    } else {
      value = QString::number(acc.meanGeoScore, 'f', 0);
      key = QStringLiteral("mean GeoScore");
    }
    const QRectF box(c.left() + i * (tw + gap), c.y, tw, th);
    QPainterPath path;
    path.addRoundedRect(box, mm(1.5), mm(1.5));
    c.p().setPen(QPen(kLine, mm(0.25)));
    c.p().setBrush(Qt::NoBrush);
    c.p().drawPath(path);
    double pt = 13; // the value always fits its tile ("13,835 km" in a narrow one)
    while (pt > 8 && QFontMetricsF(c.font(pt, true), c.p().device()).horizontalAdvance(value) > tw - mm(2))
      pt -= 0.5;
    c.text(QRectF(box.left(), box.top() + mm(2), tw, mm(8)), c.font(pt, true), kAccent, value,
           Qt::AlignCenter);
    c.text(QRectF(box.left(), box.top() + mm(10.5), tw, mm(5)), c.font(7.5), kMuted, key, Qt::AlignCenter);
  }
  c.y += th + mm(2);
}

void summaryTable(PdfCanvas &c, const std::vector<ReportSummaryRow> &rows) {
  c.heading(QStringLiteral("Summary"));
  const double fr[] = {0.05, 0.25, 0.09, 0.30, 0.20, 0.11};
  const QString titles[] = {QStringLiteral("#"),           QStringLiteral("Image"),
                            QStringLiteral("Status"),      QStringLiteral("Estimate"),
                            QStringLiteral("Top country"), QStringLiteral("Error")};
  const double rowH = mm(6.2);
  const QFont hf = c.font(7.5, true);
  const QFont bf = c.font(8);
  auto header = [&]() {
    c.p().fillRect(QRectF(c.left(), c.y, c.width(), rowH), QColor(0xf3, 0xf5, 0xf8));
    double x = c.left();
    for (int i = 0; i < 6; ++i) {
      const double cw = fr[i] * c.width();
      c.text(QRectF(x + mm(1.5), c.y, cw - mm(3), rowH), hf, kMuted, titles[i],
             (i == 5 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
      x += cw;
    }
    c.y += rowH;
  };
  c.ensure(2 * rowH);
  header();
  for (const ReportSummaryRow &r : rows) {
    if (c.ensure(rowH))
      header();
    const QString cells[] = {r.number, r.fileName, r.status, r.estimate, r.topCountry, r.errorKm};
    double x = c.left();
    for (int i = 0; i < 6; ++i) {
      const double cw = fr[i] * c.width();
      const QColor col = (i == 2 && r.status != QStringLiteral("ok")) ? kFail : kInk;
      c.elided(QRectF(x + mm(1.5), c.y, cw - mm(3), rowH), bf, col, cells[i],
               (i == 5 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
               i == 1 ? Qt::ElideMiddle : Qt::ElideRight);
      x += cw;
    }
    c.y += rowH;
    c.hline(c.left(), c.left() + c.width(), c.y, kLine, 0.15);
  }
}

double tableHeight(const ReportTable &t) {
  return mm(6.5) + mm(6) + static_cast<double>(t.rows.size()) * mm(6.4);
}

// A top-k table with probability bars at (x, c.y); paginates row by row when `paginate`.
void probabilityTable(PdfCanvas &c, const ReportTable &t, double x, double width, bool paginate) {
  const double rowH = mm(6.4);
  const double rankW = mm(6), pctW = mm(13);
  const double barW = width * 0.30;
  const double nameW = width - rankW - pctW - barW - mm(2);
  auto header = [&]() {
    c.text(QRectF(x, c.y, width, mm(6)), c.font(9, true), kInk, t.title.toUpper());
    c.y += mm(6.5);
    c.p().fillRect(QRectF(x, c.y, width, mm(5.5)), QColor(0xf3, 0xf5, 0xf8));
    const QFont hf = c.font(7, true);
    c.text(QRectF(x + mm(1), c.y, rankW, mm(5.5)), hf, kMuted, QStringLiteral("#"));
    c.text(QRectF(x + rankW, c.y, nameW, mm(5.5)), hf, kMuted, t.column);
    c.text(QRectF(x + rankW + nameW + mm(2), c.y, barW + pctW, mm(5.5)), hf, kMuted,
           QStringLiteral("Probability"));
    c.y += mm(6);
  };
  if (paginate)
    c.ensure(mm(12.5) + rowH);
  header();
  const QFont nf = c.font(8.5);
  const QFont df = c.font(7);
  int rank = 0;
  for (const ReportTableRow &r : t.rows) {
    if (paginate && c.ensure(rowH))
      header();
    ++rank;
    c.text(QRectF(x + mm(1), c.y, rankW, rowH), df, kMuted, QString::number(rank));
    const QFontMetricsF fm(nf, c.p().device());
    const QString name = fm.elidedText(r.name, Qt::ElideRight, nameW - mm(1));
    const double nameWidth = fm.horizontalAdvance(name);
    c.text(QRectF(x + rankW, c.y, nameW, rowH), nf, kInk, name);
    if (!r.detail.isEmpty() && nameWidth + mm(3) < nameW)
      c.elided(QRectF(x + rankW + nameWidth + mm(2), c.y, nameW - nameWidth - mm(2), rowH), df, kMuted,
               r.detail);
    const double p = std::clamp(r.probability, 0.0, 1.0);
    const QRectF bar(x + rankW + nameW + mm(2), c.y + rowH / 2 - mm(1.4), barW, mm(2.8));
    QPainterPath back;
    back.addRoundedRect(bar, mm(0.8), mm(0.8));
    c.p().fillPath(back, kBarBack);
    if (p > 0) {
      QPainterPath fill;
      fill.addRoundedRect(QRectF(bar.left(), bar.top(), std::max(mm(0.8), bar.width() * p), bar.height()),
                          mm(0.8), mm(0.8));
      c.p().fillPath(fill, kAccent);
    }
    c.text(QRectF(x + width - pctW, c.y, pctW, rowH), c.font(8), kInk,
           QString::number(100.0 * p, 'f', 1) + u'%', Qt::AlignRight | Qt::AlignVCenter);
    c.y += rowH;
    c.hline(x, x + width, c.y, kLine, 0.12);
  }
}

void coverPage(PdfCanvas &c, const std::vector<ImageResult> &results, const ExportOptions &opt,
               const ReportContext &ctx) {
  c.newPage(true);
  c.p().fillRect(QRectF(0, 0, c.pageWidth(), mm(50)), kBand);
  c.text(QRectF(c.left(), mm(11), c.width(), mm(6)), c.font(9, true), QColor(0xa9, 0xc4, 0xe3),
         QStringLiteral("STREETLENS"));
  c.text(QRectF(c.left(), mm(18), c.width(), mm(13)), c.font(24, true), Qt::white,
         QStringLiteral("Geolocation report"));
  c.elided(QRectF(c.left(), mm(32), c.width(), mm(9)), c.font(13), QColor(0xdd, 0xe6, 0xf0),
           ctx.projectName.isEmpty() ? QStringLiteral("Untitled project") : ctx.projectName);
  c.y = mm(58);
  c.heading(QStringLiteral("Case details"));
  factsTable(c, reportCoverRows(results, ctx, opt), c.left(), c.width(), mm(40), 9, true);
  if (!ctx.settingsSummary.trimmed().isEmpty()) {
    c.y += mm(4);
    const QFont lf = c.font(9, true);
    c.ensure(mm(12));
    c.text(QRectF(c.left(), c.y, c.width(), mm(5)), lf, kMuted, QStringLiteral("Settings"));
    c.y += mm(6);
    const QFont mf = c.font(7.5, false, true);
    const QString s = ctx.settingsSummary.trimmed();
    const double h = c.textHeight(mf, c.width() - mm(6), s) + mm(5);
    c.ensure(h);
    c.p().fillRect(QRectF(c.left(), c.y, c.width(), h), QColor(0xf6, 0xf8, 0xfa));
    c.text(QRectF(c.left() + mm(3), c.y + mm(2.5), c.width() - mm(6), h), mf, kInk, s,
           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap | Qt::TextWrapAnywhere);
    c.y += h;
  }
  notice(c, QStringLiteral("An estimate, not proof"), reportDisclaimer());
  const AccuracySummary acc = summarizeAccuracy(results, opt);
  if (acc.withTruth > 0)
    accuracyTiles(c, acc);
  summaryTable(c, reportSummaryRows(results, opt));
}

void imagePage(PdfCanvas &c, const ReportImageSection &s, const ExportOptions &opt) {
  c.newPage();
  const QFont tf = c.font(14, true);
  c.elided(QRectF(c.left(), c.y, c.width(), mm(8)), tf, kInk,
           QStringLiteral("%1. %2").arg(s.number).arg(s.fileName), Qt::AlignLeft | Qt::AlignVCenter,
           Qt::ElideMiddle);
  c.y += mm(8.5);
  c.elided(QRectF(c.left(), c.y, c.width(), mm(4.5)), c.font(7.5), kMuted, s.path,
           Qt::AlignLeft | Qt::AlignVCenter, Qt::ElideMiddle);
  c.y += mm(4.5);
  c.text(QRectF(c.left(), c.y, c.width(), mm(4.5)), c.font(7, false, true), kMuted,
         QStringLiteral("SHA-256 %1").arg(s.sha256.isEmpty() ? QStringLiteral("—") : s.sha256));
  c.y += mm(6);
  if (!s.ok) {
    const QFont ef = c.font(9.5, true);
    const double h = c.textHeight(ef, c.width(), s.statusText) + mm(2);
    c.text(QRectF(c.left(), c.y, c.width(), h), ef, kFail, s.statusText,
           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    c.y += h + mm(2);
  }

  // Photo and map.
  const bool withMap = !s.map.isNull();
  const double gap = mm(5);
  const double boxW = withMap ? (c.width() - gap) / 2 : c.width();
  const double boxH = withMap ? mm(72) : (s.photo.isNull() ? mm(24) : mm(88));
  drawFitted(c, QRectF(c.left(), c.y, boxW, boxH), s.photo, s.photoError);
  if (withMap)
    drawFitted(c, QRectF(c.left() + boxW + gap, c.y, boxW, boxH), s.map, QString());
  c.y += boxH + mm(1.2);
  const QFont cf = c.font(7);
  c.text(QRectF(c.left(), c.y, boxW, mm(4)), cf, kMuted,
         s.photo.isNull()
             ? QStringLiteral("Photo")
             : QStringLiteral("Photo · %1 × %2 px as embedded").arg(s.photo.width()).arg(s.photo.height()));
  if (withMap)
    c.text(QRectF(c.left() + boxW + gap, c.y, boxW, mm(4)), cf, kMuted, s.mapCaption);
  c.y += mm(6);

  // Estimate and EXIF side by side in one box.
  if (!s.estimateCoords.isEmpty() || s.ok) {
    const double pad = mm(3.5);
    const double leftW = c.width() * 0.52;
    const double rightW = c.width() - leftW - 2 * pad;
    const QFont lf = c.font(12.5, true);
    const double labelH = c.textHeight(lf, leftW - pad, s.estimateLabel);
    const double leftH = mm(4.5) + labelH + mm(5.5);
    const double rowH = mm(4.6);
    const double rightH = static_cast<double>(s.exifRows.size()) * rowH;
    const double h = std::max(leftH, rightH) + 2 * pad;
    c.ensure(h);
    const QRectF box(c.left(), c.y, c.width(), h);
    QPainterPath path;
    path.addRoundedRect(box, mm(1.5), mm(1.5));
    c.p().fillPath(path, kEstimateBack);
    c.p().setPen(QPen(kEstimateLine, mm(0.25)));
    c.p().drawPath(path);
    double yy = box.top() + pad;
    c.text(QRectF(box.left() + pad, yy, leftW, mm(4.5)), c.font(7, true), kMuted, QStringLiteral("ESTIMATE"));
    yy += mm(4.5);
    if (s.estimateCoords.isEmpty()) {
      c.text(QRectF(box.left() + pad, yy, leftW - pad, labelH), c.font(10), kMuted,
             QStringLiteral("No estimate"));
    } else {
      c.text(QRectF(box.left() + pad, yy, leftW - pad, labelH), lf, kInk, s.estimateLabel,
             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
      c.text(QRectF(box.left() + pad, yy + labelH + mm(0.8), leftW - pad, mm(4.5)), c.font(8.5, false, true),
             kInk, s.estimateCoords);
    }
    const double rx = box.left() + pad + leftW;
    c.p().fillRect(QRectF(rx - mm(2), box.top() + pad, mm(0.25), h - 2 * pad), kEstimateLine);
    yy = box.top() + pad;
    for (const auto &row : s.exifRows) {
      c.text(QRectF(rx + mm(1), yy, mm(25), rowH), c.font(7.5, true), kMuted, row.first);
      c.elided(QRectF(rx + mm(26), yy, rightW - mm(26), rowH), c.font(8), kInk, row.second);
      yy += rowH;
    }
    c.y += h + mm(2);
  }

  // Top-k tables: countries and regions side by side when they fit, the rest full width.
  std::vector<const ReportTable *> tables;
  for (const ReportTable &t : s.tables)
    tables.push_back(&t);
  std::size_t i = 0;
  const bool pair = tables.size() >= 2 && tables[0]->title != QStringLiteral("Cities") &&
                    tables[1]->title != QStringLiteral("Cities") &&
                    std::max(tableHeight(*tables[0]), tableHeight(*tables[1])) < mm(120);
  if (pair) {
    const double h = std::max(tableHeight(*tables[0]), tableHeight(*tables[1]));
    c.ensure(h + mm(3));
    c.y += mm(3);
    const double top = c.y;
    const double half = (c.width() - mm(8)) / 2;
    probabilityTable(c, *tables[0], c.left(), half, false);
    c.y = top;
    probabilityTable(c, *tables[1], c.left() + half + mm(8), half, false);
    c.y = top + h;
    i = 2;
  }
  for (; i < tables.size(); ++i) {
    c.y += mm(3);
    probabilityTable(c, *tables[i], c.left(), c.width(), true);
  }
  Q_UNUSED(opt);
  notice(c, QStringLiteral("An estimate, not proof"), reportDisclaimer());
}

} // namespace

bool writePdfReport(const std::vector<ImageResult> &results, const ExportOptions &opt,
                    const ReportContext &ctx, QIODevice *device, QString *error) {
  QPdfWriter writer(device);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  writer.setResolution(kDpi);
  writer.setTitle(ctx.projectName.isEmpty() ? QStringLiteral("Geolocation report")
                                            : QStringLiteral("Geolocation report — %1").arg(ctx.projectName));
  writer.setCreator(QStringLiteral("StreetLens %1").arg(QStringLiteral(STREETLENS_VERSION)));
  QPainter painter;
  if (!painter.begin(&writer)) {
    if (error)
      *error = QStringLiteral("Cannot start the PDF writer");
    return false;
  }
  painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform |
                         QPainter::TextAntialiasing);
  const QString project = ctx.projectName.isEmpty() ? QStringLiteral("Untitled project") : ctx.projectName;
  PdfCanvas canvas(writer, painter, QStringLiteral("Geolocation report — %1").arg(project),
                   QStringLiteral("StreetLens %1 · %2 · %3")
                       .arg(QStringLiteral(STREETLENS_VERSION), project, reportDate(ctx)));
  coverPage(canvas, results, opt, ctx);
  // The map box is 86.5 x 72 mm; render it at about 300 dpi.
  const QSize mapSize(1020, 850);
  int n = 0;
  for (const ImageResult &r : results)
    imagePage(canvas, buildImageSection(r, ++n, ctx, opt, 1600, mapSize), opt);
  if (!painter.end()) {
    if (error)
      *error = QStringLiteral("The PDF writer failed");
    return false;
  }
  return true;
}

} // namespace streetlens::exporting
