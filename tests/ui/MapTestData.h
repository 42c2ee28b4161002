#pragma once
// Synthetic geolocation results for the map tests (a photo taken in Annecy, France) and the
// gazetteer shared by them. Test-only helpers.
#include "core/analysis/GeoResult.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/geo/GreatCircle.h"

#include <QString>
#include <memory>

namespace streetlens::test {

inline std::shared_ptr<const gazetteer::Gazetteer> mapGazetteer() {
  static std::shared_ptr<const gazetteer::Gazetteer> gaz =
      gazetteer::Gazetteer::load(QStringLiteral(STREETLENS_SOURCE_DIR "/resources/gazetteer"));
  return gaz;
}

inline PlaceProbability testPlace(const QString &code, const QString &name, const QString &cc, double p,
                                  std::optional<geo::GeoPoint> loc = std::nullopt,
                                  const QString &region = {}) {
  PlaceProbability out;
  out.code = code;
  out.name = name;
  out.country = cc;
  out.region = region;
  out.location = loc;
  out.probability = p;
  return out;
}

// France 62 %, Switzerland 17 %...; Lyon 19 % (the estimate), Grenoble 9 %, Geneva 7 %; EXIF at Annecy.
inline ImageResult annecyResult() {
  ImageResult r;
  r.path = QStringLiteral("/photos/annecy.jpg");
  r.status = ImageStatus::Done;
  r.countries = {testPlace("FR", "France", "FR", 0.62), testPlace("CH", "Switzerland", "CH", 0.17),
                 testPlace("IT", "Italy", "IT", 0.08), testPlace("ES", "Spain", "ES", 0.04)};
  r.regions = {testPlace("FR.84", "Auvergne-Rhône-Alpes", "FR", 0.36)};
  r.cities = {testPlace("2996944", "Lyon", "FR", 0.19, geo::GeoPoint{45.74846, 4.84671}, "FR.84"),
              testPlace("3014728", "Grenoble", "FR", 0.09, geo::GeoPoint{45.17869, 5.71479}, "FR.84"),
              testPlace("2660646", "Geneva", "CH", 0.07, geo::GeoPoint{46.20222, 6.14569}, "CH.GE")};
  r.estimate = r.cities.front().location;
  r.estimateLabel = QStringLiteral("Lyon, Auvergne-Rhône-Alpes, France");
  r.exifLocation = geo::GeoPoint{45.8992, 6.1294};
  r.errorKm = geo::haversineKm(*r.exifLocation, *r.estimate);
  return r;
}

// A second image, in Spain.
inline ImageResult madridResult() {
  ImageResult r;
  r.path = QStringLiteral("/photos/madrid.jpg");
  r.status = ImageStatus::Done;
  r.countries = {testPlace("ES", "Spain", "ES", 0.8), testPlace("PT", "Portugal", "PT", 0.2)};
  r.cities = {testPlace("3117735", "Madrid", "ES", 0.5, geo::GeoPoint{40.4165, -3.70256}, "ES.29")};
  r.estimate = r.cities.front().location;
  r.estimateLabel = QStringLiteral("Madrid, Spain");
  return r;
}

} // namespace streetlens::test
