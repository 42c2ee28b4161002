#pragma once
// Gazetteer: the built-in countries / regions / cities loaded from resources/gazetteer
// (countries.json, regions.tsv, cities.tsv). Owns all records and lookup indexes. It is
// immutable after load(), so one shared instance may be read concurrently from any thread;
// pointers it returns stay valid as long as the instance lives.
#include "core/gazetteer/GazetteerTypes.h"

#include <QHash>
#include <QVector>
#include <memory>

namespace streetlens::gazetteer {

class Gazetteer {
public:
  static constexpr const char *kCountriesFile = "countries.json";
  static constexpr const char *kRegionsFile = "regions.tsv";
  static constexpr const char *kCitiesFile = "cities.tsv";
  static constexpr const char *kContinentsFile = "continents.tsv"; // optional
  // Default distance for countryAt()'s nearest-border fallback (coasts, 1:50m generalisation).
  static constexpr double kCoastFallbackKm = 20.0;

  // Loads the three files from `path`, a directory ("resources/gazetteer", ":/gazetteer") or any
  // file inside it. Reads through QFile, so Qt resource paths work. On failure returns null and
  // sets *error to a message naming the file (and line) and the problem.
  static std::shared_ptr<const Gazetteer> load(const QString &path, QString *error = nullptr);

  const QVector<Country> &countries() const { return m_countries; }
  const QVector<Region> &regions() const { return m_regions; }
  // Sorted by country code, then population (descending).
  const QVector<City> &cities() const { return m_cities; }

  // By alpha-2 or alpha-3 code, case-insensitive; null when unknown.
  const Country *country(const QString &code) const;
  // By GeoNames code "US.CA" (case-insensitive); null when unknown.
  const Region *region(const QString &code) const;
  const City *city(qint64 geonameId) const;

  // Country whose borders contain p; else the country whose border is nearest to p when that is
  // within fallbackKm (0 disables the fallback); else null (open sea, Bouvet...).
  const Country *countryAt(geo::GeoPoint p, double fallbackKm = kCoastFallbackKm) const;
  // Distance in km from p to the borders of `c` (0 inside; infinity when it has no borders).
  double distanceToCountryKm(const Country &c, geo::GeoPoint p) const;

  // Cities of a country by population, largest first; topN < 0 means all.
  QVector<const City *> citiesOf(const QString &countryCode, int topN = -1) const;
  QVector<const Region *> regionsOf(const QString &countryCode) const;
  // The country's capital (GeoNames PPLC; the most populous one where several), or null.
  const City *capitalOf(const QString &countryCode) const;

private:
  Gazetteer() = default;
  friend class GazetteerLoader;
  void buildIndexes();

  QVector<Country> m_countries;
  QVector<Region> m_regions;
  QVector<City> m_cities;
  QHash<QString, int> m_countryIndex; // upper-case alpha-2 and alpha-3
  QHash<QString, int> m_regionIndex;  // upper-case code
  QHash<qint64, int> m_cityIndex;
  QHash<QString, QVector<int>> m_citiesByCountry;  // sorted by population, descending
  QHash<QString, QVector<int>> m_regionsByCountry; // sorted by code
};

} // namespace streetlens::gazetteer
