#include "core/gazetteer/Gazetteer.h"

#include "core/gazetteer/GazetteerLoader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace streetlens::gazetteer {

QString Country::name(const QString &lang) const {
  QString n = names.value(lang);
  if (n.isEmpty())
    n = names.value(QStringLiteral("en"));
  return n.isEmpty() ? code2 : n;
}

std::shared_ptr<const Gazetteer> Gazetteer::load(const QString &path, QString *error) {
  return GazetteerLoader::load(path, error);
}

void Gazetteer::buildIndexes() {
  for (int i = 0; i < m_cities.size(); ++i)
    m_citiesByCountry[m_cities[i].countryCode.toUpper()].push_back(i);
  for (auto it = m_citiesByCountry.begin(); it != m_citiesByCountry.end(); ++it)
    std::stable_sort(it->begin(), it->end(),
                     [this](int a, int b) { return m_cities[a].population > m_cities[b].population; });
  for (int i = 0; i < m_regions.size(); ++i)
    m_regionsByCountry[m_regions[i].countryCode.toUpper()].push_back(i);
  for (auto it = m_regionsByCountry.begin(); it != m_regionsByCountry.end(); ++it)
    std::stable_sort(it->begin(), it->end(),
                     [this](int a, int b) { return m_regions[a].code < m_regions[b].code; });
}

const Country *Gazetteer::country(const QString &code) const {
  const auto it = m_countryIndex.constFind(code.toUpper());
  return it == m_countryIndex.cend() ? nullptr : &m_countries[*it];
}

const Region *Gazetteer::region(const QString &code) const {
  const auto it = m_regionIndex.constFind(code.toUpper());
  return it == m_regionIndex.cend() ? nullptr : &m_regions[*it];
}

const City *Gazetteer::city(qint64 geonameId) const {
  const auto it = m_cityIndex.constFind(geonameId);
  return it == m_cityIndex.cend() ? nullptr : &m_cities[*it];
}

const Country *Gazetteer::countryAt(geo::GeoPoint p, double fallbackKm) const {
  if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || std::abs(p.lat) > 90.0)
    return nullptr;
  p.lon = geo::normalizeLongitude(p.lon);
  for (const Country &c : m_countries)
    if (c.bounds().contains(p) && c.borders.contains(p))
      return &c;
  if (!(fallbackKm > 0.0))
    return nullptr;
  const Country *best = nullptr;
  double bestKm = fallbackKm;
  for (const Country &c : m_countries) {
    if (c.borders.isEmpty() || !c.bounds().expandedKm(bestKm).contains(p))
      continue;
    const double d = c.borders.distanceKm(p, bestKm);
    if (d <= bestKm) {
      bestKm = d;
      best = &c;
    }
  }
  return best;
}

double Gazetteer::distanceToCountryKm(const Country &c, geo::GeoPoint p) const {
  if (c.borders.isEmpty())
    return std::numeric_limits<double>::infinity();
  if (c.borders.contains(p))
    return 0.0;
  return c.borders.distanceKm(p);
}

QVector<const City *> Gazetteer::citiesOf(const QString &countryCode, int topN) const {
  QVector<const City *> out;
  const auto it = m_citiesByCountry.constFind(countryCode.toUpper());
  if (it == m_citiesByCountry.cend())
    return out;
  const qsizetype n = topN < 0 ? it->size() : std::min<qsizetype>(topN, it->size());
  out.reserve(n);
  for (qsizetype i = 0; i < n; ++i)
    out.push_back(&m_cities[(*it)[i]]);
  return out;
}

QVector<const Region *> Gazetteer::regionsOf(const QString &countryCode) const {
  QVector<const Region *> out;
  const auto it = m_regionsByCountry.constFind(countryCode.toUpper());
  if (it == m_regionsByCountry.cend())
    return out;
  out.reserve(it->size());
  for (int i : *it)
    out.push_back(&m_regions[i]);
  return out;
}

const City *Gazetteer::capitalOf(const QString &countryCode) const {
  const auto it = m_citiesByCountry.constFind(countryCode.toUpper());
  if (it == m_citiesByCountry.cend())
    return nullptr;
  for (int i : *it) // largest first
    if (m_cities[i].isCapital())
      return &m_cities[i];
  return nullptr;
}

} // namespace streetlens::gazetteer
