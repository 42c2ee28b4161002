#pragma once
// AreaDrawOverlay: lets the analyst draw a polygon on a MapView — each click adds a corner, Enter
// or a double-click ends it (three corners at least), Esc or Backspace on no corner cancels,
// Backspace removes the last corner. A transparent child covering the map while drawing; the
// wheel still zooms the map underneath. Emits the ring in lon/lat. GUI thread.
#include "core/geo/GeoPoint.h"

#include <QVector>
#include <QWidget>

namespace streetlens::ui {

class MapView;

class AreaDrawOverlay : public QWidget {
  Q_OBJECT
public:
  explicit AreaDrawOverlay(MapView *map);
  // Starts drawing (shown over the whole map, keyboard focus taken).
  void start(bool exclude);
  bool isDrawing() const { return isVisible(); }
  const QVector<geo::GeoPoint> &corners() const { return m_corners; }

Q_SIGNALS:
  void finished(const QVector<streetlens::geo::GeoPoint> &ring, bool exclude);
  void cancelled();

protected:
  void paintEvent(QPaintEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void mouseMoveEvent(QMouseEvent *event) override;
  void mouseDoubleClickEvent(QMouseEvent *event) override;
  void keyPressEvent(QKeyEvent *event) override;
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  void finish();
  void cancel();

  MapView *m_map;
  QVector<geo::GeoPoint> m_corners;
  QPointF m_hover{-1, -1};
  bool m_exclude = false;
};

} // namespace streetlens::ui
