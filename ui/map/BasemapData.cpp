#include "ui/map/BasemapData.h"

#include "core/geo/WebMercator.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace streetlens::ui {

namespace {

// Vertices closer than this (world units) to the previously kept one are dropped, per level:
// about one pixel at zoom 2 and zoom 5; the last level keeps everything.
constexpr double kTolerance[BasemapData::kLevels] = {1.0 / (256.0 * 4.0), 1.0 / (256.0 * 32.0), 0.0};

qint64 pointKey(const geo::GeoPoint &p) {
  const qint64 lat = std::llround(p.lat * 1e4) + 900000;
  const qint64 lon = std::llround(geo::normalizeLongitude(p.lon) * 1e4) + 1800000;
  return (lat << 23) | lon;
}

QPair<qint64, qint64> edgeKey(const geo::GeoPoint &a, const geo::GeoPoint &b) {
  const qint64 ka = pointKey(a), kb = pointKey(b);
  return ka < kb ? qMakePair(ka, kb) : qMakePair(kb, ka);
}

// Appends `pts` to `path` decimated with tolerance `tol` (first and last points kept).
void addPolyline(QPainterPath &path, const QVector<QPointF> &pts, double tol, bool closed) {
  if (pts.size() < 2)
    return;
  QVector<QPointF> kept;
  kept.reserve(pts.size());
  kept.push_back(pts.front());
  for (qsizetype i = 1; i + 1 < pts.size(); ++i) {
    const QPointF d = pts[i] - kept.back();
    if (tol <= 0.0 || std::abs(d.x()) > tol || std::abs(d.y()) > tol)
      kept.push_back(pts[i]);
  }
  kept.push_back(pts.back());
  if (closed && kept.size() < 3)
    return;
  path.moveTo(kept.front());
  for (qsizetype i = 1; i < kept.size(); ++i)
    path.lineTo(kept[i]);
  if (closed)
    path.closeSubpath();
}

QFont labelFont(const MapStyle &style, double pointSize) {
  QFont f(style.fontFamily);
  f.setPointSizeF(pointSize);
  f.setLetterSpacing(QFont::PercentageSpacing, 104);
  return f;
}

} // namespace

std::shared_ptr<const BasemapData> BasemapData::build(const gazetteer::Gazetteer &gaz,
                                                      const QString &language) {
  auto data = std::make_shared<BasemapData>();
  // Count how many rings use each edge.
  QHash<QPair<qint64, qint64>, int> edgeUse;
  for (const gazetteer::Country &c : gaz.countries()) {
    for (const geo::GeoPolygon &poly : c.borders.polygons()) {
      for (const geo::GeoRing &ring : poly.rings()) {
        const auto &pts = ring.points();
        for (int i = 0; i < ring.realEdgeCount(); ++i)
          edgeUse[edgeKey(pts[i], pts[(i + 1) % pts.size()])] += 1;
      }
    }
  }
  QHash<QPair<qint64, qint64>, bool> borderDrawn;
  for (const gazetteer::Country &c : gaz.countries()) {
    if (c.borders.isEmpty())
      continue;
    CountryShape shape;
    shape.code2 = c.code2;
    shape.name = c.name(language);
    shape.labelPoint = c.representativePoint;
    shape.population = c.population;
    for (auto &f : shape.fill)
      f.setFillRule(Qt::OddEvenFill);
    for (const geo::GeoPolygon &poly : c.borders.polygons()) {
      for (const geo::GeoRing &ring : poly.rings()) {
        const auto &pts = ring.points();
        if (pts.size() < 3)
          continue;
        QVector<QPointF> world;
        world.reserve(pts.size());
        for (const geo::GeoPoint &p : pts)
          world.push_back(geo::mercator::toWorld(p));
        data->m_vertexCount += static_cast<int>(pts.size());
        for (int l = 0; l < kLevels; ++l)
          addPolyline(shape.fill[l], world, kTolerance[l], true);
        shape.worldBounds = shape.worldBounds.united(QPolygonF(world).boundingRect());
        // Runs of consecutive edges of the same kind become polylines.
        enum Kind { Coast, Border, Skip };
        QVector<QPointF> run;
        Kind runKind = Skip;
        auto flush = [&]() {
          if (run.size() >= 2 && runKind != Skip) {
            for (int l = 0; l < kLevels; ++l)
              addPolyline(runKind == Coast ? shape.coast[l] : shape.border[l], run, kTolerance[l], false);
          }
          run.clear();
        };
        const qsizetype n = pts.size();
        for (int i = 0; i < ring.realEdgeCount(); ++i) {
          const qsizetype j = (i + 1) % n;
          const auto key = edgeKey(pts[i], pts[j]);
          Kind kind = edgeUse.value(key) >= 2 ? Border : Coast;
          if (kind == Border) {
            bool &drawn = borderDrawn[key];
            kind = drawn ? Skip : Border;
            drawn = true;
          }
          if (kind != runKind || run.isEmpty()) {
            flush();
            runKind = kind;
            run.push_back(world[i]);
          }
          run.push_back(world[j]);
        }
        flush();
      }
    }
    data->m_countries.push_back(std::move(shape));
  }
  // Labels are placed largest population first.
  std::stable_sort(data->m_countries.begin(), data->m_countries.end(),
                   [](const CountryShape &a, const CountryShape &b) { return a.population > b.population; });
  return data;
}

int BasemapData::indexOf(const QString &code2) const {
  for (size_t i = 0; i < m_countries.size(); ++i) {
    if (m_countries[i].code2.compare(code2, Qt::CaseInsensitive) == 0)
      return static_cast<int>(i);
  }
  return -1;
}

int BasemapData::levelFor(double zoom) {
  if (zoom < 3.5)
    return 0;
  if (zoom < 6.5)
    return 1;
  return 2;
}

template <typename Fn> void BasemapData::forEachVisible(const MapViewport &vp, Fn &&fn) const {
  const QRectF view = vp.visibleWorldRect();
  const std::vector<int> copies = vp.worldCopies();
  if (copies.empty())
    return;
  for (int k = copies.front() - 1; k <= copies.back() + 1; ++k) {
    for (size_t i = 0; i < m_countries.size(); ++i) {
      if (m_countries[i].worldBounds.translated(k, 0).intersects(view))
        fn(static_cast<int>(i), k);
    }
  }
}

void BasemapData::paintLand(QPainter &p, const MapViewport &vp, const MapStyle &style) const {
  const int level = levelFor(vp.zoom());
  p.save();
  p.setPen(Qt::NoPen);
  p.setBrush(style.land);
  forEachVisible(vp, [&](int i, int k) {
    p.setTransform(vp.worldTransform(k));
    p.drawPath(m_countries[static_cast<size_t>(i)].fill[level]);
  });
  p.restore();
}

void BasemapData::paintCountryFills(QPainter &p, const MapViewport &vp,
                                    const std::vector<std::pair<int, QColor>> &fills) const {
  const int level = levelFor(vp.zoom());
  const QRectF view = vp.visibleWorldRect();
  p.save();
  p.setPen(Qt::NoPen);
  for (const auto &[index, colour] : fills) {
    if (index < 0 || index >= static_cast<int>(m_countries.size()))
      continue;
    const CountryShape &c = m_countries[static_cast<size_t>(index)];
    p.setBrush(colour);
    const std::vector<int> copies = vp.worldCopies();
    for (int k = copies.empty() ? 1 : copies.front() - 1; !copies.empty() && k <= copies.back() + 1; ++k) {
      if (!c.worldBounds.translated(k, 0).intersects(view))
        continue;
      p.setTransform(vp.worldTransform(k));
      p.drawPath(c.fill[level]);
    }
  }
  p.restore();
}

void BasemapData::paintLines(QPainter &p, const MapViewport &vp, const MapStyle &style, bool borders) const {
  const int level = levelFor(vp.zoom());
  const double width = vp.zoom() < 3.0 ? 0.7 : (vp.zoom() < 6.0 ? 0.9 : 1.2);
  QPen coastPen(style.coast, width);
  coastPen.setCosmetic(true);
  QPen borderPen(style.border, width * 0.9, Qt::SolidLine);
  borderPen.setCosmetic(true);
  p.save();
  p.setBrush(Qt::NoBrush);
  forEachVisible(vp, [&](int i, int k) {
    const CountryShape &c = m_countries[static_cast<size_t>(i)];
    p.setTransform(vp.worldTransform(k));
    p.setPen(coastPen);
    p.drawPath(c.coast[level]);
    if (borders) {
      p.setPen(borderPen);
      p.drawPath(c.border[level]);
    }
  });
  p.restore();
}

void BasemapData::paintGraticule(QPainter &p, const MapViewport &vp, const MapStyle &style) {
  const double z = vp.zoom();
  const double step = z < 2.5 ? 30.0 : z < 4.0 ? 15.0 : z < 5.5 ? 10.0 : z < 7.0 ? 5.0 : 1.0;
  QPen pen(style.graticule, 0.8);
  pen.setCosmetic(true);
  p.save();
  p.resetTransform();
  p.setPen(pen);
  const QRectF view = vp.visibleWorldRect();
  const double w = vp.size().width(), h = vp.size().height();
  const double top = std::max(0.0, vp.worldToPixel(QPointF(0, 0)).y());
  const double bottom = std::min(h, vp.worldToPixel(QPointF(0, 1)).y());
  const double firstLon = std::floor((view.left() * 360.0 - 180.0) / step) * step;
  for (double lon = firstLon; lon <= view.right() * 360.0 - 180.0 + step && lon < firstLon + 36000;
       lon += step) {
    const double x = vp.worldToPixel(QPointF((lon + 180.0) / 360.0, 0)).x();
    if (x >= 0 && x <= w)
      p.drawLine(QPointF(x, top), QPointF(x, bottom));
  }
  for (double lat = -90.0 + step; lat < 90.0; lat += step) {
    if (std::abs(lat) > geo::mercator::kMaxLatitude)
      continue;
    const double y = vp.worldToPixel(geo::mercator::toWorld({lat, 0.0})).y();
    if (y >= 0 && y <= h)
      p.drawLine(QPointF(0, y), QPointF(w, y));
  }
  p.restore();
}

std::vector<BasemapData::Label> BasemapData::layoutLabels(const MapViewport &vp, const MapStyle &style,
                                                          const std::vector<QRectF> &keepOut) const {
  const double scale = vp.scale();
  const QRectF viewRect(QPointF(0, 0), QSizeF(vp.size()));
  std::vector<QRectF> placed = keepOut;
  std::vector<Label> out;
  const double basePt = style.labelPointSize;
  for (const CountryShape &c : m_countries) {
    const double widthPx = c.worldBounds.width() * scale;
    if (widthPx < 18.0)
      continue;
    const double pt = widthPx > 400 ? basePt + 2 : widthPx > 150 ? basePt + 1 : basePt;
    const QFontMetricsF fm(labelFont(style, pt));
    const double tw = fm.horizontalAdvance(c.name);
    if (widthPx < tw * 0.75 && vp.zoom() < 5.0)
      continue;
    const QPointF at = vp.geoToPixel(c.labelPoint);
    QRectF box(at.x() - tw / 2.0, at.y() - fm.height() / 2.0, tw, fm.height());
    if (!viewRect.contains(box))
      continue;
    const QRectF padded = box.adjusted(-4, -2, 4, 2);
    if (std::any_of(placed.begin(), placed.end(), [&](const QRectF &r) { return r.intersects(padded); }))
      continue;
    placed.push_back(padded);
    out.push_back({c.name, box, pt});
  }
  return out;
}

void BasemapData::paintLabels(QPainter &p, const MapViewport &vp, const MapStyle &style,
                              const std::vector<QRectF> &keepOut) const {
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::TextAntialiasing, true);
  for (const Label &l : layoutLabels(vp, style, keepOut)) {
    const QFont font = labelFont(style, l.pointSize);
    QPainterPath path;
    path.addText(l.box.left(), l.box.top() + QFontMetricsF(font).ascent(), font, l.text);
    p.setPen(QPen(style.labelHalo, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(style.countryLabel);
    p.drawPath(path);
  }
  p.restore();
}

int BasemapData::countryAtPixel(const MapViewport &vp, QPointF pixel) const {
  const QPointF w = vp.pixelToWorld(pixel);
  const int level = kLevels - 1;
  for (size_t i = 0; i < m_countries.size(); ++i) {
    const CountryShape &c = m_countries[i];
    for (int shift : {0, -1, 1, -2, 2}) {
      const QPointF q(w.x() - std::floor(w.x()) + shift, w.y());
      if (c.worldBounds.contains(q) && c.fill[level].contains(q))
        return static_cast<int>(i);
    }
  }
  return -1;
}

} // namespace streetlens::ui
