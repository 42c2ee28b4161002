#pragma once
// PointPickOverlay: lets the analyst click one point on a MapView (the ground-truth pin): a
// transparent child covering the map with a crosshair cursor and a hint; a left click picks the
// point under it, Esc or a right click cancels; the wheel still zooms the map underneath (wheel events
// pass to the parent). GUI
// thread.
#include "core/geo/GeoPoint.h"

#include <QWidget>

namespace streetlens::ui {

class MapView;

class PointPickOverlay : public QWidget {
  Q_OBJECT
public:
  explicit PointPickOverlay(MapView *map);
  void start(const QString &hint); // shown over the whole map, keyboard focus taken
  bool isPicking() const { return isVisible(); }

Q_SIGNALS:
  void picked(const streetlens::geo::GeoPoint &point);
  void cancelled();

protected:
  void paintEvent(QPaintEvent *event) override;
  void mousePressEvent(QMouseEvent *event) override;
  void keyPressEvent(QKeyEvent *event) override;
  bool eventFilter(QObject *watched, QEvent *event) override;

private:
  MapView *m_map;
  QString m_hint;
};

} // namespace streetlens::ui
