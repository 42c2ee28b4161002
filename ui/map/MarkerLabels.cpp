#include "ui/map/MarkerLabels.h"

#include "core/geo/GreatCircle.h"
#include "core/geo/WebMercator.h"
#include "ui/map/MapOverlay.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLineF>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace streetlens::ui {

namespace {

constexpr double kSamePlaceKm = 1.0; // an estimate this close to a city is that city
constexpr double kEdgePx = 2.0;      // labels keep this far from the view's edges
constexpr int kMaxFileNameChars = 24;

// Places labels beside their anchors at the first free spot (right, left, above, below) inside
// the frame, so that labels never cover each other, a marker or a reserved area.
struct LabelPlacer {
  QRectF frame;
  std::vector<QRectF> taken;
  std::vector<MarkerLabel> placed;

  void reserve(const QRectF &r) { taken.push_back(r); }
  void reserve(QPointF at, double r) { taken.emplace_back(at - QPointF(r, r), QSizeF(2 * r, 2 * r)); }
  bool place(MarkerLabel label, QPointF at, double r) {
    const QFontMetricsF fm(label.font);
    const double w = fm.horizontalAdvance(label.text), h = fm.height();
    const QRectF candidates[] = {
        QRectF(at.x() + r + 4, at.y() - h / 2, w, h), QRectF(at.x() - r - 4 - w, at.y() - h / 2, w, h),
        QRectF(at.x() - w / 2, at.y() - r - 3 - h, w, h), QRectF(at.x() - w / 2, at.y() + r + 3, w, h)};
    for (const QRectF &c : candidates) {
      if (!frame.contains(c))
        continue;
      if (std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(c); }))
        continue;
      taken.push_back(c);
      label.rect = c;
      placed.push_back(std::move(label));
      return true;
    }
    return false;
  }
};

QString shortFileName(const QString &path) {
  const QString name = QFileInfo(path).fileName();
  if (name.size() <= kMaxFileNameChars)
    return name;
  return name.left(kMaxFileNameChars - 1) + QChar(0x2026);
}

} // namespace

QFont mapFont(const MapStyle &style, double pt, bool bold) {
  QFont f(style.fontFamily);
  f.setPointSizeF(pt);
  f.setBold(bold);
  return f;
}

QString formatKm(double km) {
  if (km < 10.0)
    return QStringLiteral("%1 km").arg(QLocale().toString(km, 'f', 1));
  return QStringLiteral("%1 km").arg(QLocale().toString(std::round(km), 'f', 0));
}

QPolygonF linkPixels(const MapViewport &vp, const MapLink &link) {
  const QVector<geo::GeoPoint> path = geo::greatCirclePath(link.exif, link.estimate, 96);
  if (path.isEmpty())
    return {};
  // Unwrapped longitudes: project in world units and move the line to the copy of its start.
  const double shift =
      vp.pixelToWorld(vp.geoToPixel(link.exif)).x() - geo::mercator::toWorld(path.front()).x();
  QPolygonF line;
  for (const geo::GeoPoint &g : path)
    line << vp.worldToPixel(geo::mercator::toWorld(g) + QPointF(shift, 0.0));
  return line;
}

double markerRadius(const MapMarker &m) {
  switch (m.kind) {
  case MapMarker::Kind::City:
    return m.rank == 1 ? 6.0 : 4.5;
  case MapMarker::Kind::Estimate:
    return 11.0;
  case MapMarker::Kind::Exif:
    return 8.0;
  case MapMarker::Kind::Image:
    return 9.0;
  case MapMarker::Kind::Truth:
    return 8.0;
  case MapMarker::Kind::Gallery:
    return 9.0;
  case MapMarker::Kind::GalleryPhoto:
    return 4.0;
  }
  return 6.0;
}

namespace {
// The city marker the estimate stands on: the most probable city within kSamePlaceKm (by
// distance on the ground, not on the screen, where neighbours merge at world zoom).
const MapMarker *estimateCity(const MarkerSet &set, const MapMarker &estimate) {
  const MapMarker *best = nullptr;
  for (const MapMarker &c : set.markers) {
    if (c.kind != MapMarker::Kind::City || geo::haversineKm(c.location, estimate.location) > kSamePlaceKm)
      continue;
    if (!best || c.probability > best->probability)
      best = &c;
  }
  return best;
}
} // namespace

QString estimateLabelText(const MarkerSet &set, const MapMarker &estimate) {
  if (const MapMarker *c = estimateCity(set, estimate))
    return QCoreApplication::translate("streetlens::ui::MapOverlay", "%1 %2 · estimate")
        .arg(c->title, formatProbability(c->probability));
  return QCoreApplication::translate("streetlens::ui::MapOverlay", "Estimate");
}

std::vector<MarkerLabel> layoutMarkerLabels(const MapViewport &vp, const MapScene &scene,
                                            const std::vector<QRectF> &reserved) {
  if (!scene.markers || !scene.has(MapLayer::Markers))
    return {};
  const MapStyle &st = scene.style;
  const MarkerSet &set = *scene.markers;
  const auto &markers = set.markers;
  LabelPlacer labels;
  labels.frame = QRectF(QPointF(0, 0), QSizeF(vp.size())).adjusted(kEdgePx, kEdgePx, -kEdgePx, -kEdgePx);
  for (const QRectF &r : reserved)
    labels.reserve(r);
  for (const QRectF &r : legendAreas(vp, scene))
    labels.reserve(r);
  std::vector<QPointF> anchors;
  const std::vector<QPointF> at = set.pixels(vp, &anchors);
  for (size_t i = 0; i < markers.size(); ++i)
    labels.reserve(at[i], markerRadius(markers[i]));
  const QFont labelFont = mapFont(st, 9.0, false);
  const QFont boldFont = mapFont(st, 9.5, true);
  auto label = [](MarkerLabel::Kind kind, QString text, QFont f, QColor colour, int marker) {
    MarkerLabel l;
    l.kind = kind;
    l.text = std::move(text);
    l.font = std::move(f);
    l.colour = colour;
    l.marker = marker;
    return l;
  };

  // Labels by priority: estimate, EXIF points, distances, then cities by rank.
  const MapMarker *onEstimate = nullptr; // the city the estimate is: labelled once, with it
  for (size_t i = 0; i < markers.size(); ++i) {
    const MapMarker &m = markers[i];
    if (m.kind != MapMarker::Kind::Estimate)
      continue;
    onEstimate = estimateCity(set, m);
    labels.place(label(MarkerLabel::Kind::Estimate, estimateLabelText(set, m), boldFont,
                       st.estimate.darker(115), int(i)),
                 at[i], markerRadius(m));
  }
  // EXIF points: "EXIF GPS" for one photo; named after their photo when several are shown; one
  // label for photos taken at the same spot.
  std::vector<bool> done(markers.size(), false);
  for (size_t i = 0; i < markers.size(); ++i) {
    const MapMarker &m = markers[i];
    if (m.kind != MapMarker::Kind::Exif || done[i])
      continue;
    int together = 0;
    for (size_t j = i; j < markers.size(); ++j) {
      if (markers[j].kind == MapMarker::Kind::Exif && QLineF(anchors[i], anchors[j]).length() < 6.0) {
        done[j] = true;
        ++together;
      }
    }
    QString text = QCoreApplication::translate("streetlens::ui::MapOverlay", "EXIF GPS");
    if (together > 1)
      text = QCoreApplication::translate("streetlens::ui::MapOverlay", "EXIF GPS · %1 photos").arg(together);
    else if (set.imageCount > 1)
      text =
          QCoreApplication::translate("streetlens::ui::MapOverlay", "EXIF · %1").arg(shortFileName(m.detail));
    labels.place(label(MarkerLabel::Kind::Exif, text, boldFont, st.exif.darker(130), int(i)), at[i],
                 markerRadius(m));
  }
  for (const MapLink &l : set.links) {
    const QPolygonF line = linkPixels(vp, l);
    if (line.isEmpty())
      continue;
    labels.place(label(MarkerLabel::Kind::Distance, formatKm(l.km), boldFont, st.exif.darker(130), -1),
                 line[line.size() / 2], 3.0);
  }
  std::vector<size_t> cities;
  for (size_t i = 0; i < markers.size(); ++i) {
    if (markers[i].kind == MapMarker::Kind::City && markers[i].rank <= 8 && &markers[i] != onEstimate)
      cities.push_back(i);
  }
  std::sort(cities.begin(), cities.end(),
            [&](size_t a, size_t b) { return markers[a].rank < markers[b].rank; });
  for (size_t i : cities) {
    const MapMarker &m = markers[i];
    labels.place(label(MarkerLabel::Kind::City,
                       QStringLiteral("%1 %2").arg(m.title, formatProbability(m.probability)),
                       m.rank == 1 ? boldFont : labelFont, st.city.darker(120), int(i)),
                 at[i], markerRadius(m));
  }
  return std::move(labels.placed);
}

} // namespace streetlens::ui
