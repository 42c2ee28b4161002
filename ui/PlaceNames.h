#pragma once
// Country names in the interface language: results keep the English names the prompts used, the
// gazetteer has German, French and Spanish names, and the interface shows the one matching
// QLocale() (set from the chosen language at start-up). The gazetteer is registered once on the
// GUI thread when it has loaded; lookups are read-only and may come from any thread.
#include "core/analysis/GeoResult.h"

#include <QString>
#include <memory>
#include <vector>

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

void setDisplayGazetteer(std::shared_ptr<const gazetteer::Gazetteer> gazetteer);
// The name of country `code2` in the interface language; `fallback` (the result's English name)
// for English, unknown codes, or before the gazetteer has loaded.
QString countryDisplayName(const QString &code2, const QString &fallback);
// The result's estimate label ("Paris, Île-de-France, France") with its country in the interface
// language ("Paris, Île-de-France, Frankreich"); unchanged in English or when no country of the
// result ends it.
QString localizedEstimateLabel(const ImageResult &result);
// `countries` with their names replaced by countryDisplayName.
std::vector<PlaceProbability> localizedCountries(const std::vector<PlaceProbability> &countries);
// A position as the panels show it: "48.8534° N, 2.3488° E" (four decimals, about 10 m).
QString formatCoordinates(const geo::GeoPoint &p);
// A distance's number in the interface language, the app's one rounding: whole km, one decimal
// below 10 km ("13,835", "8.4"); the caller's text adds the unit.
QString formatKmNumber(double km);

} // namespace streetlens::ui
