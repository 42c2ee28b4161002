#include "ui/PlaceNames.h"

#include "core/gazetteer/CommonNames.h"
#include "core/gazetteer/Gazetteer.h"

#include <QLocale>
#include <QMutex>
#include <cmath>

namespace streetlens::ui {
namespace {
QMutex g_mutex;
std::shared_ptr<const gazetteer::Gazetteer> g_gazetteer;
} // namespace

void setDisplayGazetteer(std::shared_ptr<const gazetteer::Gazetteer> gazetteer) {
  QMutexLocker lock(&g_mutex);
  g_gazetteer = std::move(gazetteer);
}

QString countryDisplayName(const QString &code2, const QString &fallback) {
  const QString lang = QLocale().name().section(QLatin1Char('_'), 0, 0);
  if (lang == QLatin1String("en") || lang == QLatin1String("C") || code2.isEmpty())
    return fallback;
  std::shared_ptr<const gazetteer::Gazetteer> gaz;
  {
    QMutexLocker lock(&g_mutex);
    gaz = g_gazetteer;
  }
  const gazetteer::Country *c = gaz ? gaz->country(code2) : nullptr;
  return c ? c->names.value(lang, fallback) : fallback;
}

QString localizedEstimateLabel(const ImageResult &r) {
  const QString &label = r.estimateLabel;
  std::shared_ptr<const gazetteer::Gazetteer> gaz;
  {
    QMutexLocker lock(&g_mutex);
    gaz = g_gazetteer;
  }
  // The country ending the label: one of the result's countries (or its cities' countries), by its
  // English name as the result gives it or as the gazetteer spells it.
  std::vector<std::pair<QString, QString>> candidates; // code, English name
  for (const PlaceProbability &c : r.countries)
    candidates.emplace_back(c.country.isEmpty() ? c.code : c.country, c.name);
  for (const PlaceProbability &c : r.cities) {
    if (c.country.isEmpty())
      continue;
    const gazetteer::Country *k = gaz ? gaz->country(c.country) : nullptr;
    if (k)
      candidates.emplace_back(c.country, gazetteer::commonEnglishName(k->code2, k->name()));
  }
  for (const auto &[code, english] : candidates) {
    if (english.isEmpty() || !label.endsWith(english))
      continue;
    const qsizetype start = label.size() - english.size();
    if (start > 0 && !label.mid(0, start).endsWith(QLatin1String(", ")) &&
        !label.mid(0, start).endsWith(QLatin1Char(' ')))
      continue;
    const QString local = countryDisplayName(code, english);
    return label.left(start) + local;
  }
  return label;
}

std::vector<PlaceProbability> localizedCountries(const std::vector<PlaceProbability> &countries) {
  std::vector<PlaceProbability> out = countries;
  for (PlaceProbability &p : out)
    p.name = countryDisplayName(p.country.isEmpty() ? p.code : p.country, p.name);
  return out;
}

QString formatCoordinates(const geo::GeoPoint &p) {
  return QStringLiteral("%1° %2, %3° %4")
      .arg(std::abs(p.lat), 0, 'f', 4)
      .arg(p.lat >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
      .arg(std::abs(p.lon), 0, 'f', 4)
      .arg(p.lon >= 0 ? QLatin1Char('E') : QLatin1Char('W'));
}

QString formatKmNumber(double km) {
  return QLocale().toString(km, 'f', km < 10 ? 1 : 0);
}

} // namespace streetlens::ui
