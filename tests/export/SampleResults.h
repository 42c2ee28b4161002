#pragma once
// Synthetic geolocation results for the export tests: realistic probabilities, paths with
// commas, quotes, a newline and diacritics, one failure, one antimeridian case and one image
// without EXIF GPS. Header-only, test thread.
#include "core/analysis/GeoResult.h"
#include "core/geo/GreatCircle.h"

#include <QString>
#include <vector>

namespace streetlens::test {

inline PlaceProbability place(const QString &code, const QString &name, const QString &country,
                              const QString &region, std::optional<geo::GeoPoint> at, qint64 population,
                              double p) {
  PlaceProbability x;
  x.code = code;
  x.name = name;
  x.country = country;
  x.region = region;
  x.location = at;
  x.population = population;
  x.probability = p;
  return x;
}

// EXIF coordinates used below; privacy tests search every output for their digits.
inline const std::vector<geo::GeoPoint> &sampleExifPoints() {
  static const std::vector<geo::GeoPoint> points{
      {48.913579, 2.198246}, {34.702485, 135.495951}, {-13.847522, -171.751883}};
  return points;
}

// Results whose paths live in `dir` (the files themselves are created by the caller). File names:
// the first five entries of sampleFileNames().
inline QStringList sampleFileNames() {
  return {QStringLiteral("Café, \"Le Nord\" — étage 2.jpg"), QStringLiteral("Ōsaka street\nnight.png"),
          QStringLiteral("São Paulo;avenida.png"), QStringLiteral("broken.jpg"),
          QStringLiteral("Suva, Fiji.png")};
}

inline std::vector<ImageResult> sampleResults(const QString &dir) {
  const QStringList names = sampleFileNames();
  const auto &exif = sampleExifPoints();
  std::vector<ImageResult> out;

  ImageResult a;
  a.path = dir + u'/' + names[0];
  a.sha256 = QStringLiteral("3b1f0c6e9d2a4b8f7e6d5c4b3a29181706f5e4d3c2b1a0f9e8d7c6b5a4938271");
  a.status = ImageStatus::Done;
  a.width = 640;
  a.height = 480;
  a.countries = {place("FR", "France", "FR", "", geo::GeoPoint{46.6, 2.4}, 0, 0.6214),
                 place("BE", "Belgium", "BE", "", geo::GeoPoint{50.6, 4.6}, 0, 0.1427),
                 place("CH", "Switzerland", "CH", "", geo::GeoPoint{46.8, 8.2}, 0, 0.0891),
                 place("CA", "Canada", "CA", "", geo::GeoPoint{56.1, -106.3}, 0, 0.0512),
                 place("LU", "Luxembourg", "LU", "", geo::GeoPoint{49.8, 6.1}, 0, 0.0307),
                 place("MC", "Monaco", "MC", "", geo::GeoPoint{43.74, 7.42}, 0, 0.0101)};
  a.regions = {place("FR.11", "Île-de-France", "FR", "", geo::GeoPoint{48.709, 2.504}, 0, 0.4105),
               place("FR.32", "Hauts-de-France", "FR", "", geo::GeoPoint{50.18, 2.79}, 0, 0.1102),
               place("BE.BRU", "Brussels-Capital", "BE", "", geo::GeoPoint{50.846, 4.352}, 0, 0.0923),
               place("CH.GE", "Genève", "CH", "", geo::GeoPoint{46.2, 6.15}, 0, 0.0611),
               place("FR.84", "Auvergne-Rhône-Alpes", "FR", "", std::nullopt, 0, 0.0409)};
  a.cities = {place("2988507", "Paris", "FR", "FR.11", geo::GeoPoint{48.85341, 2.3488}, 2138551, 0.3321),
              place("2998324", "Lille", "FR", "FR.32", geo::GeoPoint{50.63297, 3.05858}, 234475, 0.0788),
              place("2800866", "Brussels", "BE", "BE.BRU", geo::GeoPoint{50.85045, 4.34878}, 1019022, 0.0702),
              place("2660646", "Genève", "CH", "CH.GE", geo::GeoPoint{46.20222, 6.14569}, 183981, 0.0455),
              place("2970153", "Versailles", "FR", "FR.11", geo::GeoPoint{48.80359, 2.13424}, 85416, 0.0302),
              place("2995469", "Marseille", "FR", "FR.93", geo::GeoPoint{43.29695, 5.38107}, 870731, 0.0210)};
  a.estimate = geo::GeoPoint{48.85341, 2.3488};
  a.estimateLabel = QStringLiteral("Paris, Île-de-France, France");
  a.exifLocation = exif[0];
  a.exifAltitude = 41.5;
  a.exifCountry = QStringLiteral("FR");
  a.errorKm = geo::haversineKm(*a.estimate, *a.exifLocation);
  a.exifTime = QDateTime(QDate(2023, 6, 14), QTime(18, 42, 7));
  out.push_back(a);

  ImageResult b;
  b.path = dir + u'/' + names[1];
  b.sha256 = QStringLiteral("a0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff");
  b.status = ImageStatus::Done;
  b.countries = {place("JP", "Japan", "JP", "", geo::GeoPoint{36.2, 138.3}, 0, 0.8812),
                 place("KR", "South Korea", "KR", "", geo::GeoPoint{36.5, 127.9}, 0, 0.0611),
                 place("TW", "Taiwan", "TW", "", geo::GeoPoint{23.7, 121.0}, 0, 0.0304)};
  b.regions = {place("JP.40", "Tōkyō", "JP", "", geo::GeoPoint{35.69, 139.69}, 0, 0.5021),
               place("JP.32", "Ōsaka", "JP", "", geo::GeoPoint{34.69, 135.52}, 0, 0.2113)};
  b.cities = {place("1850147", "Tokyo", "JP", "JP.40", geo::GeoPoint{35.6895, 139.69171}, 8336599, 0.4420),
              place("1853909", "Osaka", "JP", "JP.32", geo::GeoPoint{34.69374, 135.50218}, 2592413, 0.1903)};
  b.estimate = geo::GeoPoint{35.6895, 139.69171};
  b.estimateLabel = QStringLiteral("Tokyo, Tōkyō, Japan");
  b.exifLocation = exif[1];
  b.exifCountry = QStringLiteral("JP");
  b.errorKm = geo::haversineKm(*b.estimate, *b.exifLocation);
  out.push_back(b);

  ImageResult c;
  c.path = dir + u'/' + names[2];
  c.sha256 = QStringLiteral("ffeeddccbbaa99887766554433221100f9e8d7c6b5a49382716051a2b3c4d5e6");
  c.status = ImageStatus::Done;
  c.countries = {place("BR", "Brazil", "BR", "", geo::GeoPoint{-10.8, -52.9}, 0, 0.7344),
                 place("PT", "Portugal", "PT", "", geo::GeoPoint{39.6, -8.0}, 0, 0.1201)};
  c.regions = {place("BR.27", "São Paulo", "BR", "", geo::GeoPoint{-23.0, -47.9}, 0, 0.4433)};
  c.cities = {
      place("3448439", "São Paulo", "BR", "BR.27", geo::GeoPoint{-23.5475, -46.63611}, 10021295, 0.2911)};
  c.estimate = geo::GeoPoint{-23.5475, -46.63611};
  c.estimateLabel = QStringLiteral("São Paulo, São Paulo, Brazil");
  out.push_back(c);

  ImageResult d;
  d.path = dir + u'/' + names[3];
  d.sha256 = QStringLiteral("00000000000000000000000000000000000000000000000000000000000000aa");
  d.status = ImageStatus::Failed;
  d.error = QStringLiteral("Cannot decode %1: not a JPEG file (starts with \"GIF8\")").arg(d.path);
  out.push_back(d);

  ImageResult e;
  e.path = dir + u'/' + names[4];
  e.sha256 = QStringLiteral("5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e");
  e.status = ImageStatus::Done;
  e.countries = {place("FJ", "Fiji", "FJ", "", geo::GeoPoint{-17.7, 178.0}, 0, 0.5102),
                 place("WS", "Samoa", "WS", "", geo::GeoPoint{-13.76, -172.1}, 0, 0.3003)};
  e.cities = {place("2198148", "Suva", "FJ", "FJ.C", geo::GeoPoint{-18.14161, 178.44149}, 77366, 0.4012),
              place("4035413", "Apia", "WS", "WS.11", geo::GeoPoint{-13.83333, -171.76666}, 40407, 0.2811)};
  e.estimate = geo::GeoPoint{-18.14161, 178.44149};
  e.estimateLabel = QStringLiteral("Suva, Central, Fiji");
  e.exifLocation = exif[2];
  e.exifCountry = QStringLiteral("WS");
  e.errorKm = geo::haversineKm(*e.estimate, *e.exifLocation);
  out.push_back(e);
  return out;
}

} // namespace streetlens::test
