#include "ui/map/MapMarkers.h"

#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QLineF>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace streetlens::ui {

namespace {

QString placeDetail(const PlaceProbability &c, const gazetteer::Gazetteer *gaz) {
  QStringList parts;
  QString region = c.region, country = c.country;
  if (gaz) {
    if (const gazetteer::Region *r = gaz->region(c.region))
      region = r->name;
    if (const gazetteer::Country *k = gaz->country(c.country))
      country = k->name();
  }
  if (!region.isEmpty())
    parts << region;
  if (!country.isEmpty())
    parts << country;
  return parts.join(QStringLiteral(", "));
}

std::optional<geo::GeoPoint> placeLocation(const PlaceProbability &c, const gazetteer::Gazetteer *gaz) {
  if (c.location)
    return c.location;
  bool ok = false;
  const qint64 id = c.code.toLongLong(&ok);
  if (gaz && ok) {
    if (const gazetteer::City *city = gaz->city(id))
      return city->location;
  }
  return std::nullopt;
}

void addExif(MarkerSet &set, const ImageResult &r, int index, bool link) {
  if (!r.exifLocation)
    return;
  MapMarker m;
  m.kind = MapMarker::Kind::Exif;
  m.location = *r.exifLocation;
  m.title = QCoreApplication::translate("streetlens::ui::MapMarkers", "EXIF GPS position");
  m.detail = QFileInfo(r.path).fileName();
  m.imageIndex = index;
  set.markers.push_back(m);
  if (link && r.estimate) {
    const double km = r.errorKm.value_or(geo::haversineKm(*r.exifLocation, *r.estimate));
    set.links.push_back({*r.exifLocation, *r.estimate, km, index});
  }
}

void addTruth(MarkerSet &set, const ImageResult &r, int index, const AnnotationMap *annotations) {
  if (!annotations)
    return;
  const auto it = annotations->constFind(r.sha256);
  if (it == annotations->cend() || !it->truth)
    return;
  MapMarker m;
  m.kind = MapMarker::Kind::Truth;
  m.location = *it->truth;
  m.title = QCoreApplication::translate("streetlens::ui::MapMarkers", "Ground truth (your pin)");
  m.detail = QFileInfo(r.path).fileName();
  if (const auto km = it->truthErrorKm(r.estimate))
    m.detail += QStringLiteral("\n") + QCoreApplication::translate("streetlens::ui::MapMarkers",
                                                                   "Distance estimate to your pin: %1 km")
                                           .arg(QLocale().toString(*km, 'f', *km < 10 ? 1 : 0));
  m.imageIndex = index;
  set.markers.push_back(m);
}

void addGallery(MarkerSet &set, const GalleryEvidence &g, int imageIndex) {
  for (auto it = g.neighbours.rbegin(); it != g.neighbours.rend(); ++it) { // the best on top
    MapMarker m;
    m.kind = MapMarker::Kind::GalleryPhoto;
    m.location = it->location;
    m.title = QFileInfo(it->path).fileName();
    m.detail =
        QCoreApplication::translate("streetlens::ui::MapMarkers", "Gallery photo: similarity %1, %2 km")
            .arg(QLocale().toString(it->score, 'f', 3),
                 QLocale().toString(it->distanceKm, 'f', it->distanceKm < 10 ? 1 : 0));
    m.imageIndex = imageIndex;
    set.markers.push_back(m);
  }
  MapMarker m;
  m.kind = MapMarker::Kind::Gallery;
  m.location = g.estimate;
  m.title = QCoreApplication::translate("streetlens::ui::MapMarkers", "Gallery estimate");
  m.detail =
      QCoreApplication::translate("streetlens::ui::MapMarkers", "Where the most similar gallery photos are");
  m.imageIndex = imageIndex;
  set.markers.push_back(m);
}

} // namespace

QString formatProbability(double p) {
  const double pct = p * 100.0;
  if (pct < 0.1)
    return QStringLiteral("<0.1 %");
  return QStringLiteral("%1 %").arg(QLocale().toString(pct, 'f', pct < 10.0 ? 1 : 0));
}

MarkerSet buildMarkers(const std::vector<ImageResult> &results, MultiImageMode mode, int topK,
                       const gazetteer::Gazetteer *gaz, const AnnotationMap *annotations) {
  MarkerSet set;
  std::vector<int> usable;
  for (int i = 0; i < static_cast<int>(results.size()); ++i) {
    if (results[static_cast<size_t>(i)].status != ImageStatus::Failed)
      usable.push_back(i);
  }
  set.imageCount = static_cast<int>(usable.size());
  if (usable.empty())
    return set;

  if (mode == MultiImageMode::PerImage && usable.size() > 1) {
    for (int i : usable) {
      const ImageResult &r = results[static_cast<size_t>(i)];
      addExif(set, r, i, true);
      addTruth(set, r, i, annotations);
      if (!r.estimate)
        continue;
      MapMarker m;
      m.kind = MapMarker::Kind::Image;
      m.location = *r.estimate;
      m.title = QFileInfo(r.path).fileName();
      m.detail = r.estimateLabel;
      if (!r.cities.empty())
        m.probability = r.cities.front().probability;
      else if (!r.countries.empty())
        m.probability = r.countries.front().probability;
      m.imageIndex = i;
      set.markers.push_back(m);
    }
    return set;
  }

  // Cities: the average over the usable results (a single result keeps its own values).
  struct Acc {
    PlaceProbability place;
    double sum = 0.0;
  };
  QHash<QString, int> byCode;
  std::vector<Acc> acc;
  for (int i : usable) {
    for (const PlaceProbability &c : results[static_cast<size_t>(i)].cities) {
      const QString key = c.code.isEmpty() ? c.name : c.code;
      auto it = byCode.find(key);
      if (it == byCode.end()) {
        it = byCode.insert(key, static_cast<int>(acc.size()));
        acc.push_back({c, 0.0});
      }
      acc[static_cast<size_t>(*it)].sum += c.probability;
    }
  }
  std::stable_sort(acc.begin(), acc.end(), [](const Acc &a, const Acc &b) { return a.sum > b.sum; });
  const double n = static_cast<double>(usable.size());
  int rank = 0;
  std::vector<MapMarker> cities;
  for (const Acc &a : acc) {
    if (rank >= topK)
      break;
    const auto loc = placeLocation(a.place, gaz);
    if (!loc)
      continue;
    MapMarker m;
    m.kind = MapMarker::Kind::City;
    m.location = *loc;
    m.title = a.place.name;
    m.detail = placeDetail(a.place, gaz);
    m.probability = a.sum / n;
    m.rank = ++rank;
    cities.push_back(m);
  }
  // Lower ranks first so the most probable city is painted on top.
  set.markers.insert(set.markers.end(), cities.rbegin(), cities.rend());

  const bool single = usable.size() == 1;
  for (int i : usable) {
    addExif(set, results[static_cast<size_t>(i)], i, single);
    addTruth(set, results[static_cast<size_t>(i)], i, annotations);
  }
  if (single) {
    const ImageResult &r = results[static_cast<size_t>(usable.front())];
    if (r.gallery) // its neighbours under its estimate, both under the model's estimate
      addGallery(set, *r.gallery, usable.front());
    if (r.estimate) {
      MapMarker m;
      m.kind = MapMarker::Kind::Estimate;
      m.location = *r.estimate;
      m.title = QCoreApplication::translate("streetlens::ui::MapMarkers", "Estimate");
      m.detail = r.estimateLabel;
      m.imageIndex = usable.front();
      set.markers.push_back(m);
    }
  }
  return set;
}

std::vector<QPointF> markerPixels(const MapViewport &vp, const std::vector<MapMarker> &markers,
                                  std::vector<QPointF> *anchors) {
  constexpr double kSamePx = 6.0;
  std::vector<QPointF> at;
  at.reserve(markers.size());
  for (const MapMarker &m : markers)
    at.push_back(vp.geoToPixel(m.location));
  if (anchors)
    *anchors = at;
  std::vector<QPointF> out = at;
  auto spreads = [](const MapMarker &m) {
    return m.kind == MapMarker::Kind::Exif || m.kind == MapMarker::Kind::Image;
  };
  std::vector<bool> grouped(markers.size(), false);
  for (size_t i = 0; i < markers.size(); ++i) {
    if (grouped[i] || !spreads(markers[i]))
      continue;
    std::vector<size_t> group{i};
    for (size_t j = i + 1; j < markers.size(); ++j) {
      if (!grouped[j] && markers[j].kind == markers[i].kind && QLineF(at[i], at[j]).length() < kSamePx)
        group.push_back(j);
    }
    for (size_t k : group)
      grouped[k] = true;
    if (group.size() < 2)
      continue;
    const double n = static_cast<double>(group.size());
    const double radius = std::min(60.0, std::max(14.0, 20.0 * n / (2.0 * std::numbers::pi)));
    for (size_t k = 0; k < group.size(); ++k) {
      const double angle = -std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * static_cast<double>(k) / n;
      out[group[k]] = at[i] + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
  }
  return out;
}

std::vector<QPointF> MarkerSet::pixels(const MapViewport &vp, std::vector<QPointF> *anchors) const {
  return markerPixels(vp, markers, anchors);
}

int MarkerSet::hitTest(const MapViewport &vp, QPointF pixel, double radiusPx) const {
  int best = -1;
  double bestDist = radiusPx;
  const std::vector<QPointF> drawnAt = pixels(vp);
  for (int i = static_cast<int>(markers.size()) - 1; i >= 0; --i) {
    const QPointF at = drawnAt[static_cast<size_t>(i)];
    const double d = QLineF(at, pixel).length();
    if (d <= radiusPx && (best < 0 || d < bestDist - 0.5)) {
      best = i;
      bestDist = d;
    }
  }
  return best;
}

QString MarkerSet::toolTip(int index) const {
  if (index < 0 || index >= static_cast<int>(markers.size()))
    return {};
  const MapMarker &m = markers[static_cast<size_t>(index)];
  QStringList lines;
  switch (m.kind) {
  case MapMarker::Kind::City:
    lines << QStringLiteral("#%1 %2").arg(m.rank).arg(m.title);
    break;
  default:
    lines << m.title;
  }
  if (!m.detail.isEmpty())
    lines << m.detail;
  if (m.probability >= 0.0)
    lines << QCoreApplication::translate("streetlens::ui::MapMarkers", "Probability: %1")
                 .arg(formatProbability(m.probability));
  if (m.kind == MapMarker::Kind::Exif || m.kind == MapMarker::Kind::Estimate ||
      m.kind == MapMarker::Kind::Image || m.kind == MapMarker::Kind::Truth ||
      m.kind == MapMarker::Kind::Gallery || m.kind == MapMarker::Kind::GalleryPhoto) {
    lines << QStringLiteral("%1, %2").arg(m.location.lat, 0, 'f', 5).arg(m.location.lon, 0, 'f', 5);
    for (const MapLink &l : links) {
      if (l.imageIndex == m.imageIndex)
        lines << QCoreApplication::translate("streetlens::ui::MapMarkers", "Distance estimate to EXIF: %1 km")
                     .arg(QLocale().toString(l.km, 'f', l.km < 10 ? 1 : 0));
    }
  }
  return lines.join(QLatin1Char('\n'));
}

geo::GeoBounds MarkerSet::bounds() const {
  geo::GeoBounds b;
  for (const MapMarker &m : markers)
    b = b.extended(m.location);
  for (const MapLink &l : links)
    b = b.extended(l.exif).extended(l.estimate);
  return b;
}

} // namespace streetlens::ui
