#pragma once
// Records of the built-in gazetteer (resources/gazetteer, built by tools/gazetteer/build.mjs):
// countries with borders, admin-1 regions and cities. Plain immutable values owned by
// Gazetteer; safe to read from any thread.
#include "core/geo/GeoBounds.h"
#include "core/geo/GeoPoint.h"
#include "core/geo/GeoPolygon.h"

#include <QHash>
#include <QString>

namespace streetlens::gazetteer {

// A country or territory (ISO 3166-1), e.g. code2 "FR", code3 "FRA", numeric "250".
struct Country {
  QString code2;
  QString code3;
  QString numeric;               // three digits, may be empty (e.g. Kosovo has no ISO numeric code)
  bool unMember = false;         // one of the 193 UN member states
  QHash<QString, QString> names; // language ("en", "de", "fr", "es") -> name
  // A point well inside the largest part of the borders (for labels); for countries without
  // borders at 1:50m scale, the population centre.
  geo::GeoPoint representativePoint;
  // Population-weighted spherical mean of the country's GeoNames places (>= 1000 inhabitants).
  geo::GeoPoint populationCenter;
  qint64 population = 0; // sum over those places (an approximation of the real population)
  // Natural Earth 1:50m borders; empty for micro-states too small at that scale (VA, GI, TV...).
  geo::GeoMultiPolygon borders;
  // Continent (countries-list's seven-continent model): code "EU" and name "Europe"; empty when the
  // gazetteer folder has no continents.tsv.
  QString continent, continentName;

  // Name in `lang`, falling back to English, then to code2.
  QString name(const QString &lang = QStringLiteral("en")) const;
  const geo::GeoBounds &bounds() const { return borders.bounds(); }
};

// A first-level administrative division, GeoNames style code "US.CA", "CH.ZH", "FR.11".
struct Region {
  QString code;
  QString countryCode; // alpha-2
  QString name;
  geo::GeoPoint center; // population-weighted centre of its GeoNames places
  qint64 population = 0;
  int placeCount = 0; // GeoNames places (>= 1000 inhabitants) the centre was computed from
};

// A populated place from GeoNames (population >= 15000, plus every capital).
struct City {
  qint64 geonameId = 0;
  QString name;        // as GeoNames spells it, diacritics kept ("Zürich", "São Paulo")
  QString asciiName;   // transliterated ("Zurich", "Sao Paulo")
  QString countryCode; // alpha-2
  QString regionCode;  // "CH.ZH"; empty when GeoNames gives no (known) admin-1 code
  geo::GeoPoint location;
  qint64 population = 0;
  QString featureCode; // GeoNames: PPLC capital, PPLA admin-1 seat, PPLA2.., PPL

  bool isCapital() const { return featureCode == QLatin1String("PPLC"); }
};

} // namespace streetlens::gazetteer
