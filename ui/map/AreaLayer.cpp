#include "ui/map/AreaLayer.h"

#include "core/geo/GreatCircle.h"
#include "core/geo/WebMercator.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace streetlens::ui {

namespace {

// A ring as a world-coordinate path (longitudes kept continuous, as the rings store them).
void addRing(QPainterPath &path, const QVector<geo::GeoPoint> &ring) {
  if (ring.size() < 3)
    return;
  path.moveTo(geo::mercator::toWorld(ring.front()));
  for (qsizetype i = 1; i < ring.size(); ++i)
    path.lineTo(geo::mercator::toWorld(ring[i]));
  path.closeSubpath();
}

// The path drawn once per copy of the world in view.
void drawWorldPath(QPainter &p, const MapViewport &vp, const QPainterPath &world, const QPen &pen,
                   const QBrush &brush) {
  for (int shift : vp.worldCopies()) {
    const QPainterPath px = vp.worldTransform(shift).map(world);
    p.setPen(pen);
    p.setBrush(brush);
    p.drawPath(px);
  }
}

QPainterPath circlePath(const GeoCircle &c) {
  QVector<geo::GeoPoint> ring;
  const double d = c.radiusKm / geo::kEarthRadiusKm;
  const double lat1 = geo::degToRad(c.centre.lat), lon1 = geo::degToRad(c.centre.lon);
  for (int i = 0; i < 72; ++i) {
    const double b = geo::degToRad(5.0 * i);
    const double lat2 = std::asin(std::sin(lat1) * std::cos(d) + std::cos(lat1) * std::sin(d) * std::cos(b));
    const double lon2 = lon1 + std::atan2(std::sin(b) * std::sin(d) * std::cos(lat1),
                                          std::cos(d) - std::sin(lat1) * std::sin(lat2));
    ring.push_back({geo::radToDeg(lat2), geo::radToDeg(lon2)});
  }
  QPainterPath path;
  addRing(path, ring);
  return path;
}

QPainterPath multiPolygonPath(const geo::GeoMultiPolygon &m) {
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  for (const geo::GeoPolygon &poly : m.polygons())
    for (const geo::GeoRing &ring : poly.rings())
      addRing(path,
              ring.points().mid(0, ring.realEdgeCount() > 0 ? ring.realEdgeCount() : ring.points().size()));
  return path;
}

} // namespace

AreaSet AreaSet::fromConstraint(const GeoConstraint &c) {
  AreaSet a;
  a.keep = c.within;
  a.exclude = c.exclude;
  a.circles = c.near;
  for (const geo::SunBand &b : c.sunBands)
    a.sunBands << b.toMultiPolygon(0.5);
  return a;
}

void paintAreas(QPainter &p, const MapViewport &vp, const AreaSet &areas, const MapStyle &style, bool regions,
                bool constraint) {
  p.save();
  p.setRenderHint(QPainter::Antialiasing, true);
  if (constraint) {
    const QColor keep(0x1b, 0x7f, 0x3b), exclude(0xb0, 0x1e, 0x1e);
    for (const auto &band : areas.sunBands) { // one path of the band's cells, filled without seams
      QPainterPath cells = multiPolygonPath(band);
      cells.setFillRule(Qt::WindingFill);
      drawWorldPath(p, vp, cells, Qt::NoPen, QColor(0xf0, 0xa0, 0x00, 90));
    }
    for (const auto &m : areas.keep)
      drawWorldPath(p, vp, multiPolygonPath(m), QPen(keep, 2.0, Qt::DashLine), Qt::NoBrush);
    for (const auto &c : areas.circles)
      drawWorldPath(p, vp, circlePath(c), QPen(keep, 2.0, Qt::DashLine), Qt::NoBrush);
    QColor fill = exclude;
    fill.setAlpha(45);
    for (const auto &m : areas.exclude)
      drawWorldPath(p, vp, multiPolygonPath(m), QPen(exclude, 1.6), fill);
  }
  if (regions) {
    // Largest first, so the surer outlines are drawn on top.
    QFont font(style.fontFamily);
    font.setPixelSize(11);
    font.setBold(true);
    p.setFont(font);
    for (auto it = areas.regions.rbegin(); it != areas.regions.rend(); ++it) {
      const ConfidenceRegion &r = *it;
      QPainterPath world;
      world.setFillRule(Qt::OddEvenFill);
      for (const auto &poly : r.polygons)
        for (const auto &ring : poly)
          addRing(world, ring);
      const Qt::PenStyle dash =
          r.level < 0.75 ? Qt::SolidLine : (r.level < 0.95 ? Qt::DashLine : Qt::DotLine);
      const QColor ink(0x00, 0x6d, 0x77);
      drawWorldPath(p, vp, world, QPen(QColor(255, 255, 255, 200), 3.6, Qt::SolidLine), Qt::NoBrush); // halo
      drawWorldPath(p, vp, world, QPen(ink, 1.8, dash), Qt::NoBrush);
      // Label at the top right of the level's largest polygon on screen.
      QPainterPath largest;
      double largestArea = 0;
      for (const auto &poly : r.polygons) {
        if (poly.isEmpty())
          continue;
        QPainterPath one;
        addRing(one, poly.front());
        const QRectF b = one.boundingRect();
        if (b.width() * b.height() >= largestArea) {
          largestArea = b.width() * b.height();
          largest = one;
        }
      }
      const QString text = QStringLiteral("%1 %").arg(std::round(r.level * 100));
      for (int shift : vp.worldCopies()) {
        const QRectF box = vp.worldTransform(shift).map(largest).boundingRect();
        if (box.height() < 6 || !box.intersects(QRectF(QPointF(0, 0), QSizeF(vp.size()))))
          continue;
        QPainterPath t;
        t.addText(QPointF(box.right() + 3, box.top() + 10), font, text);
        p.strokePath(t, QPen(QColor(255, 255, 255, 220), 3));
        p.fillPath(t, ink);
      }
    }
  }
  p.restore();
}

} // namespace streetlens::ui
