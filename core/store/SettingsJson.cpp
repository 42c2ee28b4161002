// AnalysisSettings <-> JSON (kept apart from ResultJson.cpp so that reading results does not pull
// in the analysis library).
#include "core/store/ResultJson.h"

#include <QJsonDocument>

namespace streetlens::store {

namespace {

QJsonArray toArray(const QStringList &list) {
  return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &v, const QStringList &fallback) {
  if (!v.isArray())
    return fallback;
  QStringList out;
  for (const QJsonValue &e : v.toArray())
    out << e.toString();
  return out;
}

} // namespace

QJsonObject settingsToJson(const AnalysisSettings &s) {
  QJsonObject o;
  o.insert(QStringLiteral("mode"), AnalysisSettings::modeName(s.mode));
  o.insert(QStringLiteral("topK"), s.topK);
  o.insert(QStringLiteral("maxCountries"), s.maxCountries);
  o.insert(QStringLiteral("countryMass"), s.countryMass);
  o.insert(QStringLiteral("citiesPerCountry"), s.citiesPerCountry);
  o.insert(QStringLiteral("countryTemplates"), toArray(s.countryTemplates));
  o.insert(QStringLiteral("regionTemplates"), toArray(s.regionTemplates));
  o.insert(QStringLiteral("cityTemplates"), toArray(s.cityTemplates));
  o.insert(QStringLiteral("restrictToCountries"), toArray(s.restrictToCountries));
  o.insert(QStringLiteral("customTemplate"), s.customTemplate);
  QJsonArray custom;
  for (const CustomCandidate &c : s.customCandidates) {
    QJsonObject co{{QStringLiteral("label"), c.label}};
    if (!c.country.isEmpty())
      co.insert(QStringLiteral("country"), c.country);
    if (!c.region.isEmpty())
      co.insert(QStringLiteral("region"), c.region);
    if (c.lat && c.lon) {
      co.insert(QStringLiteral("lat"), *c.lat);
      co.insert(QStringLiteral("lon"), *c.lon);
    }
    custom.append(co);
  }
  o.insert(QStringLiteral("customCandidates"), custom);
  for (const auto &[key, list] :
       {std::pair{QStringLiteral("tasks"), &s.tasks}, std::pair{QStringLiteral("clues"), &s.clues}}) {
    QJsonArray a;
    for (const SceneTask &t : *list)
      a.append(QJsonDocument::fromJson(sceneTaskToJson(t)).object());
    if (!a.isEmpty())
      o.insert(key, a);
  }
  return o;
}

AnalysisSettings settingsFromJson(const QJsonObject &o) {
  AnalysisSettings s;
  if (auto m = AnalysisSettings::modeFromName(o.value(QStringLiteral("mode")).toString()))
    s.mode = *m;
  s.topK = o.value(QStringLiteral("topK")).toInt(s.topK);
  s.maxCountries = o.value(QStringLiteral("maxCountries")).toInt(s.maxCountries);
  s.countryMass = o.value(QStringLiteral("countryMass")).toDouble(s.countryMass);
  s.citiesPerCountry = o.value(QStringLiteral("citiesPerCountry")).toInt(s.citiesPerCountry);
  s.countryTemplates = toStringList(o.value(QStringLiteral("countryTemplates")), s.countryTemplates);
  s.regionTemplates = toStringList(o.value(QStringLiteral("regionTemplates")), s.regionTemplates);
  s.cityTemplates = toStringList(o.value(QStringLiteral("cityTemplates")), s.cityTemplates);
  s.restrictToCountries = toStringList(o.value(QStringLiteral("restrictToCountries")), {});
  s.customTemplate = o.value(QStringLiteral("customTemplate")).toString();
  for (const QJsonValue &v : o.value(QStringLiteral("customCandidates")).toArray()) {
    const QJsonObject co = v.toObject();
    CustomCandidate c;
    c.label = co.value(QStringLiteral("label")).toString();
    c.country = co.value(QStringLiteral("country")).toString();
    c.region = co.value(QStringLiteral("region")).toString();
    if (co.contains(QStringLiteral("lat")) && co.contains(QStringLiteral("lon"))) {
      c.lat = co.value(QStringLiteral("lat")).toDouble();
      c.lon = co.value(QStringLiteral("lon")).toDouble();
    }
    s.customCandidates.push_back(c);
  }
  // Tasks kept with the settings; one that no longer parses is dropped rather than failing the project.
  for (const auto &[key, list] :
       {std::pair{QStringLiteral("tasks"), &s.tasks}, std::pair{QStringLiteral("clues"), &s.clues}})
    for (const QJsonValue &v : o.value(key).toArray())
      if (auto t =
              sceneTaskFromJson(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact), key, nullptr))
        list->push_back(std::move(*t));
  return s;
}

} // namespace streetlens::store
