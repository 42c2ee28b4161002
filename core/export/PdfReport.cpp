#include "core/export/PdfReport.h"

#include "core/export/AccuracySummary.h"
#include "core/export/ExportCommon.h"
#include "core/export/PdfCanvas.h"
#include "core/export/ReportContent.h"

#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>
#include <functional>

namespace streetlens::exporting {

namespace {

using namespace pdf;

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
    while (pt > 8 && c.textWidth(c.font(pt, true), value) > tw - mm(2))
      pt -= 0.5;
    c.text(QRectF(box.left(), box.top() + mm(2), tw, mm(8)), c.font(pt, true), kAccent, value,
           Qt::AlignCenter);
    c.text(QRectF(box.left(), box.top() + mm(10.5), tw, mm(5)), c.font(7.5), kMuted, key, Qt::AlignCenter);
  }
  c.y += th + mm(2);
}

void summaryTable(PdfCanvas &c, const std::vector<ReportSummaryRow> &rows) {
  c.heading(QStringLiteral("Summary"));
  const std::vector<TableColumn> cols{{QStringLiteral("#"), true, 0, false},
                                      {QStringLiteral("Image"), false, 0.33, false},
                                      {QStringLiteral("Status"), true, 0, false},
                                      {QStringLiteral("Estimate"), false, 0.37, false},
                                      {QStringLiteral("Top country"), false, 0.30, false},
                                      {QStringLiteral("Error"), true, 0, true}};
  std::vector<QStringList> cells;
  for (const ReportSummaryRow &r : rows) // an image without a result: why, in place of the estimate
    cells.push_back({r.number, r.fileName, r.status, r.reason.isEmpty() ? r.estimate : r.reason, r.topCountry,
                     r.errorKm});
  table(
      c, cols, cells,
      [&](int row, int col) {
        return (col == 2 || col == 3) && !rows[size_t(row)].reason.isEmpty() ? kFail : kInk;
      },
      [&](int row) { return rows[size_t(row)].reason.isEmpty() ? -1 : 3; });
}

// One row of a top-k table: the name wraps instead of being cut, its detail (code, population)
// follows on the same line when it fits, else on the next.
struct ProbabilityRowLayout {
  double nameH = 0, detailH = 0, height = 0;
  bool detailBelow = false;
};

ProbabilityRowLayout layoutProbabilityRow(PdfCanvas &c, const ReportTableRow &r, double nameW) {
  const QFont nf = c.font(8.5), df = c.font(7);
  ProbabilityRowLayout l;
  const double oneLine = c.lineHeight(nf);
  l.nameH = c.paragraph(nf, kInk, r.name, {}, nameW, true);
  const bool nameOnOneLine = l.nameH < 1.5 * oneLine;
  const double besides = c.textWidth(nf, r.name) + mm(2) + c.textWidth(df, r.detail);
  l.detailBelow = !r.detail.isEmpty() && (!nameOnOneLine || besides > nameW);
  l.detailH = l.detailBelow ? c.paragraph(df, kMuted, r.detail, {}, nameW, true) : 0;
  l.height = std::max(mm(6.4), l.nameH + l.detailH + mm(2.6));
  return l;
}

double tableHeight(PdfCanvas &c, const ReportTable &t, double width) {
  const double nameW = width - mm(6) - mm(13) - width * 0.30 - mm(3);
  double h = mm(6.5) + mm(6);
  for (const ReportTableRow &r : t.rows)
    h += layoutProbabilityRow(c, r, nameW).height;
  return h;
}

// A top-k table with probability bars at (x, c.y); paginates row by row when `paginate`.
void probabilityTable(PdfCanvas &c, const ReportTable &t, double x, double width, bool paginate) {
  const double rankW = mm(6), pctW = mm(13);
  const double barW = width * 0.30;
  const double nameW = width - rankW - pctW - barW - mm(3);
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
    c.ensure(mm(12.5) + mm(6.4));
  header();
  const QFont nf = c.font(8.5);
  const QFont df = c.font(7);
  int rank = 0;
  for (const ReportTableRow &r : t.rows) {
    const ProbabilityRowLayout l = layoutProbabilityRow(c, r, nameW);
    const double rowH = l.height;
    if (paginate && c.ensure(rowH))
      header();
    ++rank;
    const double top = c.y + (rowH - l.nameH - l.detailH) / 2; // the name block, centred
    c.text(QRectF(x + mm(1), c.y, rankW, rowH), df, kMuted, QString::number(rank));
    c.paragraph(nf, kInk, r.name, QPointF(x + rankW, top), nameW);
    if (l.detailBelow)
      c.paragraph(df, kMuted, r.detail, QPointF(x + rankW, top + l.nameH), nameW);
    else if (!r.detail.isEmpty())
      c.text(QRectF(x + rankW + c.textWidth(nf, r.name) + mm(2), top, nameW, l.nameH), df, kMuted, r.detail);
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

// A titled two-column list (question, answer) over the full width; continues on the next page.
void factsBlock(PdfCanvas &c, const QString &title, const ReportRows &rows) {
  if (rows.isEmpty())
    return;
  const double rowH = mm(4.6);
  c.ensure(mm(10) + rowH);
  c.y += mm(3);
  c.text(QRectF(c.left(), c.y, c.width(), mm(5)), c.font(9, true), kInk, title);
  c.y += mm(5.5);
  const double labelW = c.width() * 0.45;
  for (const auto &row : rows) {
    c.ensure(rowH);
    c.elided(QRectF(c.left(), c.y, labelW - mm(2), rowH), c.font(7.5, true), kMuted, row.first);
    c.elided(QRectF(c.left() + labelW, c.y, c.width() - labelW, rowH), c.font(8), kInk, row.second);
    c.y += rowH;
  }
}

// The section of one analysed image. It starts a page, unless the page in progress (the end of
// the summary, or of a short section) has room for its photo and estimate: no page is left
// nearly blank.
void imagePage(PdfCanvas &c, const ReportImageSection &s, const ExportOptions &opt) {
  if (c.remaining() < mm(175)) {
    c.newPage();
  } else {
    c.y += mm(7);
    c.p().fillRect(QRectF(c.left(), c.y, c.width(), mm(0.6)), kAccent);
    c.y += mm(5);
  }
  // File name and path wrap: nothing of them is cut.
  c.y += c.paragraph(c.font(14, true), kInk, QStringLiteral("%1. %2").arg(s.number).arg(s.fileName),
                     QPointF(c.left(), c.y), c.width()) +
         mm(1);
  c.y += c.paragraph(c.font(7.5), kMuted, s.path, QPointF(c.left(), c.y), c.width());
  c.text(QRectF(c.left(), c.y, c.width(), mm(4.5)), c.font(7, false, true), kMuted,
         QStringLiteral("SHA-256 %1").arg(s.sha256.isEmpty() ? QStringLiteral("—") : s.sha256));
  c.y += mm(6);

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
    const ReportRows rightRows = s.evidenceRows + s.exifRows + s.analystRows;
    const double rightH = static_cast<double>(rightRows.size()) * rowH;
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
    for (const auto &row : rightRows) {
      c.text(QRectF(rx + mm(1), yy, mm(25), rowH), c.font(7.5, true), kMuted, row.first);
      c.elided(QRectF(rx + mm(26), yy, rightW - mm(26), rowH), c.font(8), kInk, row.second);
      yy += rowH;
    }
    c.y += h + mm(2);
  }
  if (!s.analystNote.isEmpty()) { // the analyst's note in full, wrapped
    const QFont nf = c.font(9);
    const QString text = QStringLiteral("Analyst's note: ") + s.analystNote;
    const double nh = c.textHeight(nf, c.width(), text);
    c.ensure(nh + mm(2));
    c.text(QRectF(c.left(), c.y, c.width(), nh), nf, kInk, text,
           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    c.y += nh + mm(2);
  }

  // Top-k tables: countries and regions side by side when they fit, the rest full width.
  std::vector<const ReportTable *> tables;
  for (const ReportTable &t : s.tables)
    tables.push_back(&t);
  std::size_t i = 0;
  const double half = (c.width() - mm(8)) / 2;
  const bool pair = tables.size() >= 2 && tables[0]->title != QStringLiteral("Cities") &&
                    tables[1]->title != QStringLiteral("Cities") &&
                    std::max(tableHeight(c, *tables[0], half), tableHeight(c, *tables[1], half)) < mm(120);
  if (pair) {
    const double h = std::max(tableHeight(c, *tables[0], half), tableHeight(c, *tables[1], half));
    c.ensure(h + mm(3));
    c.y += mm(3);
    const double top = c.y;
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
  factsBlock(c, QStringLiteral("Scene"), s.sceneRows);
  factsBlock(c, QStringLiteral("Clues (visual readings, each to be checked in the photo)"), s.clueRows);
  factsBlock(c, QStringLiteral("Reference gallery (the most similar photos of known position)"),
             s.galleryRows);
  // Patch explanations (predict --explain): side by side, each with its caption.
  if (!s.explanations.isEmpty()) {
    const int n = int(s.explanations.size());
    const double w = (c.width() - gap * (n - 1)) / n, eh = mm(62);
    c.ensure(eh + mm(12));
    c.y += mm(3);
    for (int k = 0; k < n; ++k) {
      const double x = c.left() + k * (w + gap);
      drawFitted(c, QRectF(x, c.y, w, eh), s.explanations[k].first, QString());
      c.text(QRectF(x, c.y + eh + mm(1.2), w, mm(8)), cf, kMuted, s.explanations[k].second,
             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
    }
    c.y += eh + mm(9);
  }
  Q_UNUSED(opt);
  notice(c, QStringLiteral("An estimate, not proof"), reportDisclaimer());
}

// The section of one of the analyst's sites, on a page of its own: the photos it fuses, its map,
// the estimate with its confidence rows, and the top-k tables.
void sitePage(PdfCanvas &c, const ReportSiteSection &site) {
  const ReportImageSection &s = site.body;
  c.newPage();
  c.y += c.paragraph(c.font(14, true), kInk, QStringLiteral("Site %1. %2").arg(site.number).arg(site.name),
                     QPointF(c.left(), c.y), c.width()) +
         mm(1);
  c.y += c.paragraph(c.font(8), kMuted,
                     QStringLiteral("Photos of the site (%1): %2")
                         .arg(site.members.size())
                         .arg(site.members.isEmpty() ? QStringLiteral("none in the project")
                                                     : site.members.join(QStringLiteral(", "))),
                     QPointF(c.left(), c.y), c.width()) +
         mm(3);
  if (!s.map.isNull()) {
    const double boxH = mm(88);
    drawFitted(c, QRectF(c.left(), c.y, c.width(), boxH), s.map, QString());
    c.y += boxH + mm(1.2);
    c.text(QRectF(c.left(), c.y, c.width(), mm(4)), c.font(7), kMuted, s.mapCaption);
    c.y += mm(6);
  }
  const double pad = mm(3.5);
  const QFont lf = c.font(12.5, true);
  const QString label =
      s.estimateCoords.isEmpty() ? QStringLiteral("No estimate: %1").arg(s.statusText) : s.estimateLabel;
  const double labelH = c.textHeight(lf, c.width() * 0.52 - pad, label);
  const double rowH = mm(4.6);
  const double h = std::max(mm(10) + labelH, double(s.evidenceRows.size()) * rowH) + 2 * pad;
  c.ensure(h);
  const QRectF box(c.left(), c.y, c.width(), h);
  QPainterPath path;
  path.addRoundedRect(box, mm(1.5), mm(1.5));
  c.p().fillPath(path, kEstimateBack);
  c.p().setPen(QPen(kEstimateLine, mm(0.25)));
  c.p().drawPath(path);
  c.text(QRectF(box.left() + pad, box.top() + pad, c.width() * 0.5, mm(4.5)), c.font(7, true), kMuted,
         QStringLiteral("ESTIMATE OF THE SITE"));
  c.text(QRectF(box.left() + pad, box.top() + pad + mm(4.5), c.width() * 0.52 - pad, labelH), lf, kInk, label,
         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
  if (!s.estimateCoords.isEmpty())
    c.text(QRectF(box.left() + pad, box.top() + pad + mm(5.3) + labelH, c.width() * 0.52, mm(4.5)),
           c.font(8.5, false, true), kInk, s.estimateCoords);
  const double rx = box.left() + pad + c.width() * 0.52;
  double yy = box.top() + pad;
  for (const auto &row : s.evidenceRows) {
    c.text(QRectF(rx + mm(1), yy, mm(25), rowH), c.font(7.5, true), kMuted, row.first);
    c.elided(QRectF(rx + mm(26), yy, box.right() - rx - mm(26) - pad, rowH), c.font(8), kInk, row.second);
    yy += rowH;
  }
  c.y += h + mm(2);
  // Countries and regions side by side when they fit (as on a photo's page), the rest full width.
  size_t first = 0;
  const double half = (c.width() - mm(8)) / 2;
  if (s.tables.size() >= 2 && s.tables[0].title != QStringLiteral("Cities") &&
      s.tables[1].title != QStringLiteral("Cities")) {
    const double th = std::max(tableHeight(c, s.tables[0], half), tableHeight(c, s.tables[1], half));
    if (th < mm(120)) {
      c.ensure(th + mm(3));
      c.y += mm(3);
      const double top = c.y;
      probabilityTable(c, s.tables[0], c.left(), half, false);
      c.y = top;
      probabilityTable(c, s.tables[1], c.left() + half + mm(8), half, false);
      c.y = top + th;
      first = 2;
    }
  }
  for (size_t i = first; i < s.tables.size(); ++i) {
    c.y += mm(3);
    probabilityTable(c, s.tables[i], c.left(), c.width(), true);
  }
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
  for (const ImageResult &r : results) // the others have their row in the summary, no page
    if (++n; hasReportSection(r))
      imagePage(canvas, buildImageSection(r, n, ctx, opt, 1600, mapSize), opt);
  int siteNumber = 0;
  for (const SiteResult &site : ctx.sites) // the analyst's sites, a page each
    sitePage(canvas, buildSiteSection(site, ++siteNumber, ctx, opt, QSize(2000, 1020)));
  if (!painter.end()) {
    if (error)
      *error = QStringLiteral("The PDF writer failed");
    return false;
  }
  return true;
}

} // namespace streetlens::exporting
