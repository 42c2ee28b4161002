#include "core/analysis/AnalysisSettings.h"

#include "core/export/Csv.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace streetlens {

QString AnalysisSettings::modeName(Mode m) {
  switch (m) {
  case Mode::Hierarchical:
    return QStringLiteral("hierarchical");
  case Mode::Flat:
    return QStringLiteral("flat");
  case Mode::Expected:
    return QStringLiteral("expected");
  case Mode::Paper:
    return QStringLiteral("paper");
  }
  return {};
}

std::optional<AnalysisSettings::Mode> AnalysisSettings::modeFromName(const QString &name) {
  for (Mode m : {Mode::Hierarchical, Mode::Flat, Mode::Expected, Mode::Paper})
    if (modeName(m) == name.trimmed().toLower())
      return m;
  return std::nullopt;
}

QString AnalysisSettings::fingerprint() const {
  QJsonArray custom;
  for (const CustomCandidate &c : customCandidates)
    custom.append(QJsonArray{c.label, c.country, c.region, c.lat ? QJsonValue(*c.lat) : QJsonValue(),
                             c.lon ? QJsonValue(*c.lon) : QJsonValue()});
  // "scoring" 2: the coherent hierarchy (results of the independent region/city softmaxes are stale).
  QJsonObject o{{QStringLiteral("scoring"), 2},
                {QStringLiteral("mode"), modeName(mode)},
                {QStringLiteral("maxCountries"), maxCountries},
                {QStringLiteral("countryMass"), countryMass},
                {QStringLiteral("citiesPerCountry"), citiesPerCountry},
                {QStringLiteral("countryTemplates"), QJsonArray::fromStringList(countryTemplates)},
                {QStringLiteral("regionTemplates"), QJsonArray::fromStringList(regionTemplates)},
                {QStringLiteral("cityTemplates"), QJsonArray::fromStringList(cityTemplates)},
                {QStringLiteral("restrict"), QJsonArray::fromStringList(restrictToCountries)},
                {QStringLiteral("custom"), custom},
                {QStringLiteral("customTemplate"), customTemplate}};
  // Only when used, so that results made before tasks existed keep their key.
  for (const auto &[key, list] :
       {std::pair{QStringLiteral("tasks"), &tasks}, std::pair{QStringLiteral("clues"), &clues}}) {
    QJsonArray a;
    for (const SceneTask &t : *list)
      a.append(t.fingerprint());
    if (!a.isEmpty())
      o.insert(key, a);
  }
  return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void AnalysisSettings::useStreetClipCaptions() {
  countryTemplates = {QStringLiteral("A Street View photo in {country}.")};
  regionTemplates = {QStringLiteral("A Street View photo in the region of {region} in {country}.")};
  cityTemplates = {QStringLiteral(
      "A Street View photo close to the town of {city} in the region of {region} in {country}.")};
}

std::optional<QVector<CustomCandidate>> parseCandidateList(const QByteArray &text, const QString &sourceName,
                                                           QString *error) {
  QString csvError;
  QList<QStringList> rows = exporting::parseCsv(text, &csvError);
  if (!csvError.isEmpty()) {
    *error = QStringLiteral("%1: %2").arg(sourceName, csvError);
    return std::nullopt;
  }
  // Blank lines carry no candidate.
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const QStringList &r) { return r.join(QString()).trimmed().isEmpty(); }),
             rows.end());
  QVector<CustomCandidate> out;
  if (rows.isEmpty()) {
    *error = QStringLiteral("%1: no candidates").arg(sourceName);
    return std::nullopt;
  }
  QStringList head;
  for (const QString &h : rows.first())
    head << h.trimmed().toLower();
  const int nameCol =
      std::max({int(head.indexOf(QStringLiteral("name"))), int(head.indexOf(QStringLiteral("label"))),
                int(head.indexOf(QStringLiteral("city")))});
  if (nameCol < 0 || head.size() < 2) { // a plain list: one label per line
    for (const QStringList &r : rows)
      out.push_back({r.join(QStringLiteral(",")).trimmed(), {}, {}, std::nullopt, std::nullopt});
    return out;
  }
  const int countryCol = int(head.indexOf(QStringLiteral("country")));
  const int regionCol = int(head.indexOf(QStringLiteral("region")));
  const int latCol =
      std::max(int(head.indexOf(QStringLiteral("lat"))), int(head.indexOf(QStringLiteral("latitude"))));
  const int lonCol =
      std::max(int(head.indexOf(QStringLiteral("lon"))), int(head.indexOf(QStringLiteral("longitude"))));
  if ((latCol < 0) != (lonCol < 0)) {
    *error = QStringLiteral("%1: the header has only one of lat / lon").arg(sourceName);
    return std::nullopt;
  }
  for (qsizetype i = 1; i < rows.size(); ++i) {
    const QStringList &f = rows[i];
    auto field = [&](int col) { return col >= 0 && col < f.size() ? f[col].trimmed() : QString(); };
    CustomCandidate c;
    c.label = field(nameCol);
    if (c.label.isEmpty()) {
      *error = QStringLiteral("%1: line %2: empty name").arg(sourceName).arg(i + 1);
      return std::nullopt;
    }
    c.country = field(countryCol).toUpper();
    c.region = field(regionCol);
    if (latCol >= 0 && !field(latCol).isEmpty()) {
      bool ok1 = false, ok2 = false;
      const double lat = field(latCol).toDouble(&ok1), lon = field(lonCol).toDouble(&ok2);
      if (!ok1 || !ok2 || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
        *error = QStringLiteral("%1: line %2: invalid coordinates").arg(sourceName).arg(i + 1);
        return std::nullopt;
      }
      c.lat = lat;
      c.lon = lon;
    }
    out.push_back(c);
  }
  return out;
}

} // namespace streetlens
