#include "core/analysis/PlaceHierarchy.h"

#include "core/gazetteer/CommonNames.h"
#include "core/gazetteer/Gazetteer.h"

#include <QHash>
#include <algorithm>
#include <functional>

namespace streetlens {

namespace {

QString key(const QString &code) {
  return code.toUpper();
}

void sortDescending(std::vector<PlaceProbability> &v) {
  std::stable_sort(v.begin(), v.end(), [](const PlaceProbability &a, const PlaceProbability &b) {
    return a.probability > b.probability;
  });
}

PlaceProbability countryEntry(const gazetteer::Gazetteer *gaz, const QString &code) {
  PlaceProbability p;
  p.code = code;
  p.country = code;
  p.name = code;
  if (const auto *c = gaz ? gaz->country(code) : nullptr) {
    p.code = c->code2;
    p.country = c->code2;
    p.name = gazetteer::commonEnglishName(c->code2, c->name());
    p.location = c->representativePoint;
    p.population = c->population;
  }
  return p;
}

} // namespace

std::vector<PlaceLeaf> placeLeaves(const ImageResult &r) {
  std::vector<PlaceLeaf> leaves;
  QHash<QString, double> cityMassByRegion, explainedByCountry;
  QHash<QString, bool> listedRegion;
  for (const auto &reg : r.regions)
    listedRegion.insert(key(reg.code), true);
  for (const auto &c : r.cities) {
    const double m = std::max(0.0, c.probability);
    leaves.push_back({PlaceLeaf::Kind::City, c, m});
    if (!c.region.isEmpty() && listedRegion.contains(key(c.region)))
      cityMassByRegion[key(c.region)] += m;
    else
      explainedByCountry[key(c.country)] += m;
  }
  for (const auto &reg : r.regions) {
    const double cities = cityMassByRegion.value(key(reg.code));
    const double own = std::max(0.0, reg.probability - cities);
    leaves.push_back({PlaceLeaf::Kind::Region, reg, own});
    explainedByCountry[key(reg.country)] += own + cities;
  }
  for (const auto &c : r.countries) {
    const double own = std::max(0.0, c.probability - explainedByCountry.value(key(c.code)));
    leaves.push_back({PlaceLeaf::Kind::Country, c, own});
  }
  return leaves;
}

void setLevelsFromLeaves(const std::vector<PlaceLeaf> &leaves, const gazetteer::Gazetteer *gaz,
                         ImageResult &r) {
  r.countries.clear();
  r.regions.clear();
  r.cities.clear();
  double total = 0.0;
  for (const PlaceLeaf &l : leaves)
    total += l.mass;
  if (!(total > 0.0))
    return;
  QHash<QString, size_t> countryAt, regionAt, cityAt;
  auto country = [&](const QString &code, const PlaceProbability *entry) -> PlaceProbability & {
    const QString k = key(code);
    auto it = countryAt.find(k);
    if (it == countryAt.end()) {
      PlaceProbability p = entry ? *entry : countryEntry(gaz, code);
      p.probability = 0.0;
      it = countryAt.insert(k, r.countries.size());
      r.countries.push_back(p);
    }
    return r.countries[*it];
  };
  // Countries and regions first, so that entries carry their own names and locations.
  for (const PlaceLeaf &l : leaves) {
    if (l.kind == PlaceLeaf::Kind::Country)
      country(l.place.code, &l.place).probability += l.mass / total;
  }
  for (const PlaceLeaf &l : leaves) {
    if (l.kind != PlaceLeaf::Kind::Region)
      continue;
    const QString k = key(l.place.code);
    auto it = regionAt.find(k);
    if (it == regionAt.end()) {
      PlaceProbability p = l.place;
      p.probability = 0.0;
      it = regionAt.insert(k, r.regions.size());
      r.regions.push_back(p);
    }
    r.regions[*it].probability += l.mass / total;
    country(l.place.country, nullptr).probability += l.mass / total;
  }
  for (const PlaceLeaf &l : leaves) {
    if (l.kind != PlaceLeaf::Kind::City)
      continue;
    const QString k = l.place.code;
    auto it = cityAt.find(k);
    if (it == cityAt.end()) {
      PlaceProbability p = l.place;
      p.probability = 0.0;
      it = cityAt.insert(k, r.cities.size());
      r.cities.push_back(p);
    }
    r.cities[*it].probability += l.mass / total;
    if (const auto reg = regionAt.constFind(key(l.place.region)); reg != regionAt.constEnd())
      r.regions[*reg].probability += l.mass / total;
    country(l.place.country, nullptr).probability += l.mass / total;
  }
  sortDescending(r.countries);
  sortDescending(r.regions);
  sortDescending(r.cities);
}

QString cityLabel(const gazetteer::Gazetteer *gaz, const PlaceProbability &city) {
  QStringList parts{city.name};
  if (const auto *region = gaz ? gaz->region(city.region) : nullptr)
    parts << region->name;
  if (const auto *c = gaz ? gaz->country(city.country) : nullptr)
    parts << gazetteer::commonEnglishName(c->code2, c->name());
  else if (!city.country.isEmpty())
    parts << city.country;
  return parts.join(QStringLiteral(", "));
}

namespace {

// The most probable entry of `list` (sorted) whose field matches; null when none.
const PlaceProbability *firstWhere(const std::vector<PlaceProbability> &list,
                                   const std::function<bool(const PlaceProbability &)> &match) {
  for (const auto &p : list)
    if (p.probability > 0.0 && match(p))
      return &p;
  return nullptr;
}

void setCityEstimate(const gazetteer::Gazetteer *gaz, const PlaceProbability &city, ImageResult &r) {
  r.estimate = city.location;
  r.estimateLabel = cityLabel(gaz, city);
}

} // namespace

void estimateByDescent(const gazetteer::Gazetteer *gaz, ImageResult &r) {
  r.estimate.reset();
  r.estimateLabel.clear();
  if (r.countries.empty())
    return;
  const PlaceProbability &top = r.countries.front();
  const QString c = key(top.code);
  const PlaceProbability *region =
      firstWhere(r.regions, [&](const PlaceProbability &p) { return key(p.country) == c; });
  const PlaceProbability *city = nullptr;
  if (region) {
    const QString rk = key(region->code);
    city = firstWhere(r.cities, [&](const PlaceProbability &p) { return key(p.region) == rk && p.location; });
    if (!city) {
      r.estimate = region->location;
      r.estimateLabel = QStringLiteral("%1, %2").arg(region->name, top.name);
      if (r.estimate)
        return;
    }
  } else {
    city = firstWhere(r.cities, [&](const PlaceProbability &p) { return key(p.country) == c && p.location; });
  }
  if (city)
    return setCityEstimate(gaz, *city, r);
  r.estimate = top.location;
  r.estimateLabel = top.name;
}

void estimateTopCountryCity(const gazetteer::Gazetteer *gaz, ImageResult &r) {
  r.estimate.reset();
  r.estimateLabel.clear();
  if (r.countries.empty())
    return;
  const QString c = key(r.countries.front().code);
  if (const auto *city =
          firstWhere(r.cities, [&](const PlaceProbability &p) { return key(p.country) == c && p.location; }))
    return setCityEstimate(gaz, *city, r);
  r.estimate = r.countries.front().location;
  r.estimateLabel = r.countries.front().name;
}

} // namespace streetlens
