#include "core/export/ExportCommon.h"

#include "core/geo/GreatCircle.h"

#include <QFileInfo>
#include <QLocale>
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

} // namespace streetlens::exporting
