#include "ui/map/AreaDrawOverlay.h"

#include "ui/map/MapView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace streetlens::ui {

AreaDrawOverlay::AreaDrawOverlay(MapView *map) : QWidget(map), m_map(map) {
  setAttribute(Qt::WA_NoSystemBackground);
  setAttribute(Qt::WA_TranslucentBackground);
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setCursor(Qt::CrossCursor);
  hide();
  map->installEventFilter(this); // follow the map's size
}

void AreaDrawOverlay::start(bool exclude) {
  m_exclude = exclude;
  m_corners.clear();
  setGeometry(m_map->rect());
  show();
  raise();
  setFocus();
  update();
}

bool AreaDrawOverlay::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_map && event->type() == QEvent::Resize)
    setGeometry(m_map->rect());
  if (watched == m_map && isVisible() && (event->type() == QEvent::Paint || event->type() == QEvent::Wheel))
    update(); // the map moved under the corners
  return QWidget::eventFilter(watched, event);
}

void AreaDrawOverlay::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink = m_exclude ? QColor(0xb0, 0x1e, 0x1e) : QColor(0x1b, 0x7f, 0x3b);
  QPolygonF pts;
  for (const geo::GeoPoint &c : m_corners)
    pts << m_map->viewport().geoToPixel(c);
  if (m_hover.x() >= 0)
    pts << m_hover;
  QColor fill = ink;
  fill.setAlpha(40);
  p.setPen(QPen(ink, 2, Qt::DashLine));
  p.setBrush(pts.size() >= 3 ? QBrush(fill) : QBrush(Qt::NoBrush));
  p.drawPolygon(pts);
  p.setBrush(ink);
  for (qsizetype i = 0; i < m_corners.size(); ++i)
    p.drawEllipse(pts[i], 3.5, 3.5);
  p.setPen(Qt::black);
  const QString hint = tr("Click the corners · Enter or double-click ends · Backspace undoes · Esc cancels");
  const QRectF band(8, height() - 30, p.fontMetrics().horizontalAdvance(hint) + 16, 22);
  p.fillRect(band, QColor(255, 255, 255, 220));
  p.drawText(band, Qt::AlignCenter, hint);
}

void AreaDrawOverlay::mousePressEvent(QMouseEvent *event) {
  if (event->button() == Qt::LeftButton) {
    m_corners.push_back(m_map->viewport().pixelToGeo(event->position()));
    update();
  } else if (event->button() == Qt::RightButton) {
    finish();
  }
}

void AreaDrawOverlay::mouseMoveEvent(QMouseEvent *event) {
  m_hover = event->position();
  update();
}

void AreaDrawOverlay::mouseDoubleClickEvent(QMouseEvent *) {
  // The double-click's first press already added the corner.
  finish();
}

void AreaDrawOverlay::keyPressEvent(QKeyEvent *event) {
  switch (event->key()) {
  case Qt::Key_Return:
  case Qt::Key_Enter:
    finish();
    break;
  case Qt::Key_Escape:
    cancel();
    break;
  case Qt::Key_Backspace:
    if (m_corners.isEmpty())
      cancel();
    else
      m_corners.removeLast();
    update();
    break;
  default:
    QWidget::keyPressEvent(event);
  }
}

void AreaDrawOverlay::finish() {
  if (m_corners.size() < 3)
    return; // keep drawing: an area needs three corners
  hide();
  const QVector<geo::GeoPoint> ring = m_corners;
  m_corners.clear();
  Q_EMIT finished(ring, m_exclude);
}

void AreaDrawOverlay::cancel() {
  hide();
  m_corners.clear();
  Q_EMIT cancelled();
}

} // namespace streetlens::ui
