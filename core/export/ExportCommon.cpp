#include "core/export/ExportCommon.h"

#include "core/geo/GreatCircle.h"

#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace streetlens::exporting {

// The one mapping of ImageStatus to the schema's names is imageStatusName (GeoResult.h).
QString statusName(ImageStatus s) {
  const QString name = imageStatusName(s);
  return name.isEmpty() ? QStringLiteral("error") : name;
}

std::optional<ImageStatus> statusFromName(const QString &name) {
  for (ImageStatus s : {ImageStatus::Queued, ImageStatus::Running, ImageStatus::Done, ImageStatus::Failed})
    if (statusName(s) == name)
      return s;
  return std::nullopt;
}

QString formatNumber(double v) {
  if (!std::isfinite(v))
    return QString();
  return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString formatFixed(double v, int decimals) {
  if (!std::isfinite(v))
    return QString();
  return QString::number(v, 'f', decimals);
}

QString formatDistanceKm(double km, const QLocale &locale) {
  if (!std::isfinite(km))
    return QString();
  const bool small = std::abs(km) < 10.0;
  return locale.toString(small ? km : std::round(km), 'f', small ? 1 : 0) + QStringLiteral(" km");
}

std::span<const PlaceProbability> topEntries(const std::vector<PlaceProbability> &places, int topK) {
  std::size_t n = places.size();
  if (topK > 0)
    n = std::min(n, static_cast<std::size_t>(topK));
  return std::span<const PlaceProbability>(places.data(), n);
}

VisibleExif visibleExif(const ImageResult &r, const ExportOptions &opt) {
  VisibleExif v;
  if (!opt.includeExifGps || !r.exifLocation || !r.exifLocation->isValid())
    return v;
  v.location = r.exifLocation;
  v.altitude = r.exifAltitude;
  v.country = r.exifCountry;
  if (r.errorKm && std::isfinite(*r.errorKm))
    v.errorKm = r.errorKm;
  else if (r.estimate && r.estimate->isValid())
    v.errorKm = geo::haversineKm(*r.estimate, *r.exifLocation);
  return v;
}

ImageResult privacyFiltered(const ImageResult &r, const ExportOptions &opt) {
  ImageResult out = r;
  if (!opt.includeExifGps) {
    out.exifLocation.reset();
    out.exifAltitude.reset();
    out.exifCountry.clear();
    out.errorKm.reset();
  }
  return out;
}

ImageResult unanalysedResult(const QString &path, const QString &sha256, ImageStatus status,
                             const QString &error) {
  ImageResult r;
  r.path = path;
  r.sha256 = sha256;
  r.status = status;
  r.error = error.isEmpty() && status == ImageStatus::Failed ? QStringLiteral("failed") : error;
  return r;
}

const Annotation *annotationOf(const ImageResult &r, const ExportOptions &opt) {
  const auto it = opt.annotations.constFind(r.sha256);
  return it == opt.annotations.cend() || it->isEmpty() ? nullptr : &*it;
}

QString displayName(const QString &path) {
  const QString name = QFileInfo(path).fileName();
  return name.isEmpty() ? path : name;
}

namespace {

void addColumns(std::vector<TaskColumns> &out, const TaskColumns &c) {
  if (std::none_of(out.begin(), out.end(),
                   [&](const TaskColumns &o) { return o.clue == c.clue && o.name == c.name; }))
    out.push_back(c);
}

} // namespace

QString formatPercent(double p) {
  return QString::number(100.0 * p, 'f', 1) + u'%';
}

std::vector<TaskColumns> taskColumnsOf(const AnalysisSettings &settings) {
  std::vector<TaskColumns> out;
  for (const SceneTask &t : settings.tasks)
    addColumns(out, {false, t.name, t.labels});
  for (const SceneTask &t : settings.clues)
    addColumns(out, {true, t.name, t.labels});
  return out;
}

std::vector<TaskColumns> taskColumnsOf(const std::vector<ImageResult> &results) {
  std::vector<TaskColumns> out;
  for (const ImageResult &r : results) {
    for (const TaskOutcome &t : r.tasks)
      addColumns(out, {false, t.name, t.labels});
    for (const TaskOutcome &t : r.clues)
      addColumns(out, {true, t.name, t.labels});
  }
  return out;
}

std::vector<TaskCell> taskCells(const ImageResult &r, const std::vector<TaskColumns> &columns) {
  std::vector<TaskCell> out;
  for (const TaskColumns &c : columns) {
    const std::vector<TaskOutcome> &list = c.clue ? r.clues : r.tasks;
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const TaskOutcome &t) { return t.name == c.name; });
    const int best = it == list.end() ? -1 : it->best();
    const QString base = (c.clue ? QStringLiteral("clue:") : QStringLiteral("task:")) + c.name;
    out.push_back({base, best >= 0 ? it->labels[best] : QString(), std::nullopt});
    if (c.clue) {
      out.push_back({base + QStringLiteral(":p"),
                     {},
                     best >= 0 ? std::optional<double>(it->probs[size_t(best)]) : std::nullopt});
      continue;
    }
    for (const QString &label : c.labels) {
      const qsizetype i = it == list.end() ? -1 : it->labels.indexOf(label);
      out.push_back({base + QLatin1Char(':') + label,
                     {},
                     i >= 0 && size_t(i) < it->probs.size() ? std::optional<double>(it->probs[size_t(i)])
                                                            : std::nullopt});
    }
  }
  return out;
}

QStringList galleryColumnNames() {
  return {QStringLiteral("gallery_lat"),           QStringLiteral("gallery_lon"),
          QStringLiteral("gallery_density"),       QStringLiteral("gallery_fused"),
          QStringLiteral("gallery_zero_shot_lat"), QStringLiteral("gallery_zero_shot_lon"),
          QStringLiteral("gallery_zero_shot_km"),  QStringLiteral("gallery_neighbours"),
          QStringLiteral("gallery_nearest_path"),  QStringLiteral("gallery_nearest_score"),
          QStringLiteral("gallery_nearest_km")};
}

std::vector<GalleryCell> galleryCells(const ImageResult &r) {
  const QStringList keys = galleryColumnNames();
  std::vector<GalleryCell> out;
  out.reserve(size_t(keys.size()));
  for (const QString &k : keys)
    out.push_back(GalleryCell{k, std::nullopt, QString()});
  if (!r.gallery)
    return out;
  const GalleryEvidence &g = *r.gallery;
  const bool any = !g.neighbours.empty();
  const GalleryNeighbour *nearest = any ? &g.neighbours.front() : nullptr;
  auto set = [&out](int i, std::optional<double> v) { out[size_t(i)].number = v; };
  if (any) {
    set(0, g.estimate.lat);
    set(1, g.estimate.lon);
    set(2, g.density);
  }
  out[3].text = g.fused ? QStringLiteral("true") : QStringLiteral("false");
  if (g.zeroShotEstimate) {
    set(4, g.zeroShotEstimate->lat);
    set(5, g.zeroShotEstimate->lon);
    if (any)
      set(6, geo::haversineKm(*g.zeroShotEstimate, g.estimate));
  }
  set(7, double(g.neighbours.size()));
  if (nearest) {
    out[8].text = nearest->path;
    set(9, nearest->score);
    set(10, nearest->distanceKm);
  }
  return out;
}

bool anyGallery(const std::vector<ImageResult> &results) {
  return std::any_of(results.begin(), results.end(),
                     [](const ImageResult &r) { return r.gallery.has_value(); });
}

} // namespace streetlens::exporting
