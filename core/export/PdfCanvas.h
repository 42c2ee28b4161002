#pragma once
// The drawing layer of the PDF report (PdfReport.cpp): A4 pages at 300 dpi with a running y
// position, header, footer and page breaks; wrapped text; framed images; key/value rows, notices
// and tables whose text is never cut. Internal to core/export; one painter, one thread.
#include "core/export/ReportContent.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <functional>
#include <vector>

namespace streetlens::exporting::pdf {

inline constexpr int kDpi = 300;
inline const QColor kInk(0x1d, 0x27, 0x33);
inline const QColor kMuted(0x5b, 0x67, 0x75);
inline const QColor kLine(0xd9, 0xde, 0xe5);
inline const QColor kAccent(0x2f, 0x6f, 0xb2);
inline const QColor kBand(0x1f, 0x32, 0x47);
inline const QColor kBarBack(0xe8, 0xec, 0xf1);
inline const QColor kWarn(0xb7, 0x79, 0x1f);
inline const QColor kWarnBack(0xfd, 0xf6, 0xe7);
inline const QColor kEstimateBack(0xee, 0xf4, 0xfb);
inline const QColor kEstimateLine(0xc9, 0xdb, 0xef);
inline const QColor kFail(0xb4, 0x23, 0x18);

inline double mm(double v) {
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
  double textWidth(const QFont &f, const QString &s) const {
    return QFontMetricsF(f, &w_).horizontalAdvance(s);
  }

  // Text wrapped into `width` at word boundaries (inside a word only when it is longer than a
  // line), drawn at topLeft unless `measureOnly`; returns its height. Nothing is cut.
  double paragraph(const QFont &f, const QColor &c, const QString &s, QPointF topLeft, double width,
                   bool measureOnly = false) {
    QTextLayout layout(s, f, &w_);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    double h = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
      line.setLineWidth(width);
      line.setPosition(QPointF(0, h));
      h += line.height();
    }
    layout.endLayout();
    if (!measureOnly) {
      p_.setPen(c);
      layout.draw(&p_, topLeft);
    }
    return h;
  }

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
void drawFitted(PdfCanvas &c, const QRectF &box, const QImage &img, const QString &placeholder);

// Key/value rows with wrapped values; returns the height used.
double factsTable(PdfCanvas &c, const ReportRows &rows, double x, double width, double labelWidth, double pt,
                  bool paginate);

// A boxed notice (title and wrapped text) in the warning colour.
void notice(PdfCanvas &c, const QString &title, const QString &body);

// A table whose columns either fit their widest text (never cut) or share the rest of the width
// and wrap; rows grow with their tallest cell, the header repeats after a page break.
struct TableColumn {
  QString title;
  bool fitted = false; // as wide as its widest cell; else wraps in a share of the rest
  double share = 0;    // of the width left by the fitted columns
  bool right = false;  // right-aligned (numbers)
};

// A cell's text; lines after a QChar::LineSeparator are a note in small monospace (a SHA-256).
// Drawn at `at` unless `measureOnly`; returns the height.
double cell(PdfCanvas &c, const QFont &f, const QColor &colour, const QString &text, QPointF at, double width,
            bool measureOnly);

// Draws the table at c.y. `spanFrom(row)`: a column whose cell takes the rest of that row (its later cells
// are empty), or -1.
void table(PdfCanvas &c, const std::vector<TableColumn> &cols, const std::vector<QStringList> &rows,
           const std::function<QColor(int row, int col)> &colour,
           const std::function<int(int row)> &spanFrom);

} // namespace streetlens::exporting::pdf
