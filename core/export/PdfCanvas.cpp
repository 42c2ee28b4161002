#include "core/export/PdfCanvas.h"

#include <QPainterPath>
#include <algorithm>
#include <numeric>

namespace streetlens::exporting::pdf {

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

double cell(PdfCanvas &c, const QFont &f, const QColor &colour, const QString &text, QPointF at, double width,
            bool measureOnly) {
  const QStringList parts = text.split(QChar(QChar::LineSeparator));
  double h = c.paragraph(f, colour, parts.first(), at, width, measureOnly);
  for (qsizetype i = 1; i < parts.size(); ++i)
    h += c.paragraph(c.font(6.5, false, true), kMuted, parts[i], at + QPointF(0, h), width, measureOnly);
  return h;
}

void table(PdfCanvas &c, const std::vector<TableColumn> &cols, const std::vector<QStringList> &rows,
           const std::function<QColor(int row, int col)> &colour,
           const std::function<int(int row)> &spanFrom) {
  const QFont hf = c.font(7.5, true), bf = c.font(8);
  const double pad = mm(1.5), minRowH = mm(6.2), headH = mm(6.2);
  std::vector<double> w(cols.size(), 0.0);
  double fixed = 0, shares = 0;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (!cols[i].fitted) {
      shares += cols[i].share;
      continue;
    }
    w[i] = c.textWidth(hf, cols[i].title);
    for (const QStringList &r : rows)
      w[i] = std::max(w[i], c.textWidth(bf, r.value(qsizetype(i))));
    w[i] += 2 * pad + mm(0.5);
    fixed += w[i];
  }
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (!cols[i].fitted)
      w[i] = (c.width() - fixed) * cols[i].share / shares;
  auto header = [&]() {
    c.p().fillRect(QRectF(c.left(), c.y, c.width(), headH), QColor(0xf3, 0xf5, 0xf8));
    double x = c.left();
    for (std::size_t i = 0; i < cols.size(); ++i) {
      c.text(QRectF(x + pad, c.y, w[i] - 2 * pad, headH), hf, kMuted, cols[i].title,
             (cols[i].right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
      x += w[i];
    }
    c.y += headH;
  };
  c.ensure(headH + minRowH);
  header();
  for (int r = 0; r < int(rows.size()); ++r) {
    const int span = spanFrom ? spanFrom(r) : -1;
    auto cellWidth = [&](std::size_t i) {
      return int(i) == span ? std::accumulate(w.begin() + span, w.end(), 0.0) : w[i];
    };
    const std::size_t shown = span >= 0 ? std::size_t(span) + 1 : cols.size();
    double h = minRowH;
    for (std::size_t i = 0; i < shown; ++i)
      if (!cols[i].fitted || int(i) == span)
        h = std::max(
            h, cell(c, bf, kInk, rows[size_t(r)].value(qsizetype(i)), {}, cellWidth(i) - 2 * pad, true) +
                   mm(2.4));
    if (c.ensure(h))
      header();
    double x = c.left();
    for (std::size_t i = 0; i < shown; ++i) {
      const QString text = rows[size_t(r)].value(qsizetype(i));
      const QColor col = colour ? colour(r, int(i)) : kInk;
      if (cols[i].fitted && int(i) != span)
        c.text(QRectF(x + pad, c.y + mm(1.2), w[i] - 2 * pad, h), bf, col, text,
               (cols[i].right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
      else
        cell(c, bf, col, text, QPointF(x + pad, c.y + mm(1.2)), cellWidth(i) - 2 * pad, false);
      x += w[i];
    }
    c.y += h;
    c.hline(c.left(), c.left() + c.width(), c.y, kLine, 0.15);
  }
}

} // namespace streetlens::exporting::pdf
