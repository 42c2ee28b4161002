#pragma once
// ShadowMeasureCanvas: the photo, scaled to fit, on which the analyst draws two line segments by
// dragging — first the object (from its foot to its top), then its shadow (from the object's foot
// to the shadow's tip). It owns the segments in image pixels and reports the shadow ratio
// (shadow length / object height). A third drag starts over. GUI thread.
#include <QImage>
#include <QLineF>
#include <QWidget>
#include <optional>

namespace streetlens::ui {

class ShadowMeasureCanvas : public QWidget {
  Q_OBJECT
public:
  explicit ShadowMeasureCanvas(QWidget *parent = nullptr);
  void setImage(const QImage &image);
  const QImage &image() const { return m_image; }
  // Segments in image pixels; the shadow is unset until drawn.
  std::optional<QLineF> object() const { return m_object; }
  std::optional<QLineF> shadow() const { return m_shadow; }
  // Shadow length / object height, once both are drawn (and the object is not a point).
  std::optional<double> ratio() const;
  void clear();
  // Widget coordinates of an image pixel and back (for the tests and the painting).
  QPointF toWidget(QPointF imagePx) const;
  QPointF toImage(QPointF widgetPx) const;

Q_SIGNALS:
  void measured(); // a segment was completed

protected:
  void paintEvent(QPaintEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseMoveEvent(QMouseEvent *event) override;
  void mouseReleaseEvent(QMouseEvent *event) override;

private:
  QRectF imageRect() const;
  QImage m_image;
  std::optional<QLineF> m_object, m_shadow;
  std::optional<QLineF> m_drag; // the segment being drawn
};

} // namespace streetlens::ui
