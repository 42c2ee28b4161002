#include "ui/ProbabilityList.h"

#include <QLocale>
#include <QPainter>

namespace streetlens::ui {

ProbabilityList::ProbabilityList(QWidget *parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ProbabilityList::setEntries(const std::vector<PlaceProbability> &entries, int maxRows) {
  m_entries.assign(entries.begin(),
                   entries.begin() + std::min<size_t>(entries.size(), size_t(std::max(0, maxRows))));
  QStringList tips;
  for (const auto &e : m_entries)
    tips << QStringLiteral("%1: %2 %").arg(e.name, QLocale().toString(e.probability * 100, 'f', 1));
  setToolTip(tips.join(QLatin1Char('\n')));
  updateGeometry();
  update();
}

int ProbabilityList::rowHeight() const {
  return fontMetrics().height() + 6;
}

QSize ProbabilityList::sizeHint() const {
  return {260, std::max<int>(1, int(m_entries.size())) * rowHeight()};
}

QSize ProbabilityList::minimumSizeHint() const {
  return {160, sizeHint().height()};
}

void ProbabilityList::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const int rh = rowHeight();
  if (m_entries.empty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("—"));
    return;
  }
  const QFontMetrics fm = fontMetrics();
  const int pctW = fm.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
  const int nameW = std::min(width() * 45 / 100, 200);
  const int barX = nameW + 6;
  const int barW = std::max(10, width() - barX - pctW);
  const QColor bar = palette().color(QPalette::Highlight);
  QColor track = palette().color(QPalette::Mid);
  track.setAlpha(60);
  for (size_t i = 0; i < m_entries.size(); ++i) {
    const PlaceProbability &e = m_entries[i];
    const int y = int(i) * rh;
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, y, nameW, rh), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(e.name, Qt::ElideRight, nameW));
    const QRectF trackRect(barX, y + 4, barW, rh - 8);
    p.setPen(Qt::NoPen);
    p.setBrush(track);
    p.drawRoundedRect(trackRect, 3, 3);
    QRectF fill = trackRect;
    fill.setWidth(std::max(2.0, trackRect.width() * std::clamp(e.probability, 0.0, 1.0)));
    p.setBrush(bar);
    p.drawRoundedRect(fill, 3, 3);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(barX + barW, y, pctW, rh), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("%1 %").arg(QLocale().toString(e.probability * 100, 'f', 1)));
  }
}

} // namespace streetlens::ui
