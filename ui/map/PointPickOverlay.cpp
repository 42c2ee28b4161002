#include "ui/map/PointPickOverlay.h"

#include "ui/map/MapView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace streetlens::ui {

PointPickOverlay::PointPickOverlay(MapView *map) : QWidget(map), m_map(map) {
  setAttribute(Qt::WA_NoSystemBackground);
  setAttribute(Qt::WA_TranslucentBackground);
  setFocusPolicy(Qt::StrongFocus);
  setCursor(Qt::CrossCursor);
  hide();
  map->installEventFilter(this); // follow the map's size
}

void PointPickOverlay::start(const QString &hint) {
  m_hint = hint;
  setGeometry(m_map->rect());
  show();
  raise();
  setFocus();
  update();
}

bool PointPickOverlay::eventFilter(QObject *watched, QEvent *event) {
  if (watched == m_map && event->type() == QEvent::Resize)
    setGeometry(m_map->rect());
  return QWidget::eventFilter(watched, event);
}

void PointPickOverlay::paintEvent(QPaintEvent *) {
  QPainter p(this);
  const QString hint = m_hint + QStringLiteral(" · ") + tr("Esc cancels");
  const QRectF band(8, height() - 30, p.fontMetrics().horizontalAdvance(hint) + 16, 22);
  p.fillRect(band, QColor(255, 255, 255, 220));
  p.setPen(Qt::black);
  p.drawText(band, Qt::AlignCenter, hint);
}

void PointPickOverlay::mousePressEvent(QMouseEvent *event) {
  if (event->button() == Qt::LeftButton) {
    const geo::GeoPoint point = m_map->viewport().pixelToGeo(event->position());
    hide();
    if (point.isValid())
      Q_EMIT picked(point);
    else
      Q_EMIT cancelled();
  } else if (event->button() == Qt::RightButton) {
    hide();
    Q_EMIT cancelled();
  }
}

void PointPickOverlay::keyPressEvent(QKeyEvent *event) {
  if (event->key() == Qt::Key_Escape) {
    hide();
    Q_EMIT cancelled();
    return;
  }
  QWidget::keyPressEvent(event);
}

} // namespace streetlens::ui
