#include "ui/ShadowMeasureCanvas.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace streetlens::ui {

ShadowMeasureCanvas::ShadowMeasureCanvas(QWidget *parent) : QWidget(parent) {
  setMinimumSize(320, 240);
  setCursor(Qt::CrossCursor);
}

void ShadowMeasureCanvas::setImage(const QImage &image) {
  m_image = image;
  clear();
}

void ShadowMeasureCanvas::clear() {
  m_object.reset();
  m_shadow.reset();
  m_drag.reset();
  update();
}

std::optional<double> ShadowMeasureCanvas::ratio() const {
  if (!m_object || !m_shadow || m_object->length() < 1.0)
    return std::nullopt;
  return m_shadow->length() / m_object->length();
}

QRectF ShadowMeasureCanvas::imageRect() const {
  if (m_image.isNull())
    return QRectF(rect());
  QSizeF s = m_image.size();
  s.scale(size(), Qt::KeepAspectRatio);
  return QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

QPointF ShadowMeasureCanvas::toWidget(QPointF imagePx) const {
  const QRectF r = imageRect();
  const double scale = m_image.isNull() ? 1.0 : r.width() / m_image.width();
  return r.topLeft() + imagePx * scale;
}

QPointF ShadowMeasureCanvas::toImage(QPointF widgetPx) const {
  const QRectF r = imageRect();
  const double scale = m_image.isNull() ? 1.0 : r.width() / m_image.width();
  return (widgetPx - r.topLeft()) / scale;
}

void ShadowMeasureCanvas::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x20, 0x20, 0x20));
  if (!m_image.isNull())
    p.drawImage(imageRect(), m_image);
  p.setRenderHint(QPainter::Antialiasing, true);
  auto drawSegment = [&](const QLineF &imageLine, const QColor &ink, const QString &label) {
    const QLineF l(toWidget(imageLine.p1()), toWidget(imageLine.p2()));
    p.setPen(QPen(QColor(255, 255, 255, 200), 5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(l);
    p.setPen(QPen(ink, 3, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(l);
    p.setBrush(ink);
    p.drawEllipse(l.p1(), 4, 4);
    p.drawEllipse(l.p2(), 4, 4);
    p.setPen(Qt::white);
    p.drawText(l.p2() + QPointF(8, -6), label);
  };
  const QColor objectInk(0x1f, 0x6f, 0xd1), shadowInk(0xe0, 0x8a, 0x00);
  if (m_object)
    drawSegment(*m_object, objectInk, tr("object"));
  if (m_shadow)
    drawSegment(*m_shadow, shadowInk, tr("shadow"));
  if (m_drag)
    drawSegment(*m_drag, (m_object && !m_shadow) ? shadowInk : objectInk, QString());
  p.setPen(Qt::white);
  const QString hint =
      !m_object ? tr("Drag from the object's foot to its top")
      : !m_shadow
          ? tr("Drag from the object's foot to the tip of its shadow")
          : tr("Shadow / height = %1 (drag again to start over)").arg(QLocale().toString(*ratio(), 'f', 3));
  p.drawText(QRectF(rect()).adjusted(8, 4, -8, -4), Qt::AlignTop | Qt::AlignLeft, hint);
}

void ShadowMeasureCanvas::mousePressEvent(QMouseEvent *event) {
  if (event->button() != Qt::LeftButton)
    return;
  if (m_object && m_shadow) { // a third drag starts over
    m_object.reset();
    m_shadow.reset();
  }
  const QPointF at = toImage(event->position());
  m_drag = QLineF(at, at);
  update();
}

void ShadowMeasureCanvas::mouseMoveEvent(QMouseEvent *event) {
  if (!m_drag)
    return;
  m_drag->setP2(toImage(event->position()));
  update();
}

void ShadowMeasureCanvas::mouseReleaseEvent(QMouseEvent *event) {
  if (!m_drag || event->button() != Qt::LeftButton)
    return;
  m_drag->setP2(toImage(event->position()));
  const QLineF done = *m_drag;
  m_drag.reset();
  if (done.length() >= 1.0) {
    if (!m_object)
      m_object = done;
    else
      m_shadow = done;
    Q_EMIT measured();
  }
  update();
}

} // namespace streetlens::ui
