#pragma once
// A stand-in for the app's map renderer in report tests and the sample report: an
// equirectangular map drawn with the gazetteer's Natural Earth borders, a probability heatmap
// from the top cities and regions, the estimate (red) and EXIF GPS (green) markers and the
// great-circle line between them. Header-only; call from one thread at a time.
#include "core/analysis/GeoResult.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <cmath>
#include <memory>

namespace streetlens::test {

class FakeMap {
public:
  explicit FakeMap(std::shared_ptr<const gazetteer::Gazetteer> g) : m_gaz(std::move(g)) {}

  QImage render(const ImageResult &r, QSize size) const {
    QImage img(size, QImage::Format_RGB32);
    img.fill(QColor(0xcf, 0xe3, 0xf3));
    if (!r.estimate)
      return img;
    // Viewport around the estimate and the EXIF point (longitudes unwrapped near the estimate).
    const double lonC = r.estimate->lon;
    auto unwrap = [lonC](double lon) { return lon - 360.0 * std::round((lon - lonC) / 360.0); };
    double minLat = r.estimate->lat, maxLat = minLat, minLon = lonC, maxLon = lonC;
    auto include = [&](geo::GeoPoint p) {
      minLat = std::min(minLat, p.lat), maxLat = std::max(maxLat, p.lat);
      minLon = std::min(minLon, unwrap(p.lon)), maxLon = std::max(maxLon, unwrap(p.lon));
    };
    if (r.exifLocation)
      include(*r.exifLocation);
    for (std::size_t i = 0; i < std::min<std::size_t>(r.cities.size(), 3); ++i)
      if (r.cities[i].location)
        include(*r.cities[i].location);
    const double midLat = (minLat + maxLat) / 2, midLon = (minLon + maxLon) / 2;
    const double k = std::cos(geo::degToRad(std::clamp(midLat, -70.0, 70.0)));
    double spanLat = std::max(8.0, (maxLat - minLat) * 1.6);
    double spanX = std::max(spanLat * size.width() / size.height(), (maxLon - minLon) * k * 1.6);
    spanLat = spanX * size.height() / size.width();
    const double sx = size.width() / spanX, sy = size.height() / spanLat;
    auto toPx = [&](double lat, double lonUnwrapped) {
      return QPointF(size.width() / 2.0 + (lonUnwrapped - midLon) * k * sx,
                     size.height() / 2.0 - (lat - midLat) * sy);
    };

    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    // Graticule.
    p.setPen(QPen(QColor(0xb8, 0xd0, 0xe6), 1));
    const double step = spanLat > 30 ? 10 : 5;
    for (double lat = std::floor((midLat - spanLat) / step) * step; lat < midLat + spanLat; lat += step)
      p.drawLine(toPx(lat, midLon - 400), toPx(lat, midLon + 400));
    for (double lon = std::floor((midLon - 200) / step) * step; lon < midLon + 200; lon += step)
      p.drawLine(toPx(-89, lon), toPx(89, lon));
    // Land.
    p.setPen(QPen(QColor(0xa8, 0xa3, 0x96), 1.2));
    p.setBrush(QColor(0xf4, 0xf1, 0xe8));
    for (const gazetteer::Country &c : m_gaz->countries()) {
      for (const geo::GeoPolygon &poly : c.borders.polygons()) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const geo::GeoRing &ring : poly.rings()) {
          const double shift = unwrap(ring.points().front().lon) - ring.points().front().lon;
          QPolygonF pts;
          for (const geo::GeoPoint &v : ring.points())
            pts << toPx(v.lat, v.lon + shift);
          path.addPolygon(pts);
          path.closeSubpath();
        }
        if (path.boundingRect().intersects(QRectF(img.rect())))
          p.drawPath(path);
      }
    }
    // Heatmap from regions and cities.
    p.setPen(Qt::NoPen);
    auto blob = [&](geo::GeoPoint at, double prob, double radiusPx) {
      const QPointF c = toPx(at.lat, unwrap(at.lon));
      QRadialGradient g(c, radiusPx);
      const int a = int(std::clamp(prob * 1.6, 0.08, 1.0) * 200);
      g.setColorAt(0, QColor(0xe3, 0x2d, 0x1c, a));
      g.setColorAt(0.45, QColor(0xf6, 0x9a, 0x1d, a * 2 / 3));
      g.setColorAt(1, QColor(0xfc, 0xe3, 0x4d, 0));
      p.setBrush(g);
      p.drawEllipse(c, radiusPx, radiusPx);
    };
    for (const PlaceProbability &reg : r.regions)
      if (reg.location)
        blob(*reg.location, reg.probability, size.width() * 0.16);
    for (const PlaceProbability &city : r.cities)
      if (city.location)
        blob(*city.location, city.probability, size.width() * 0.07);
    // Great-circle line and markers.
    if (r.exifLocation) {
      QPolygonF line;
      for (const geo::GeoPoint &v : geo::greatCirclePath(*r.estimate, *r.exifLocation, 64))
        line << toPx(v.lat, unwrap(v.lon));
      p.setPen(QPen(QColor(0x1d, 0x27, 0x33), size.width() / 300.0 + 1, Qt::DashLine));
      p.setBrush(Qt::NoBrush);
      p.drawPolyline(line);
    }
    marker(p, toPx(r.estimate->lat, r.estimate->lon), QColor(0xd6, 0x3f, 0x2f), size, 1.0);
    if (r.exifLocation)
      marker(p, toPx(r.exifLocation->lat, unwrap(r.exifLocation->lon)), QColor(0x2c, 0xa0, 0x3f), size, 0.75);
    // Attribution.
    QFont f;
    f.setPixelSize(std::max(10, size.height() / 40));
    p.setFont(f);
    p.setPen(QColor(0x5b, 0x67, 0x75));
    p.drawText(QRectF(0, 0, size.width() - 6, size.height() - 4), Qt::AlignRight | Qt::AlignBottom,
               QStringLiteral("Borders: Natural Earth"));
    return img;
  }

private:
  static void marker(QPainter &p, QPointF at, const QColor &c, QSize size, double scale) {
    const double r = (size.width() / 70.0 + 3) * scale;
    p.setPen(QPen(Qt::white, r / 3));
    p.setBrush(c);
    p.drawEllipse(at, r, r);
  }

  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
};

} // namespace streetlens::test
