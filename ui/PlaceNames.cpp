#include "ui/PlaceNames.h"

#include "core/gazetteer/Gazetteer.h"

#include <QLocale>
#include <QMutex>

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

std::vector<PlaceProbability> localizedCountries(const std::vector<PlaceProbability> &countries) {
  std::vector<PlaceProbability> out = countries;
  for (PlaceProbability &p : out)
    p.name = countryDisplayName(p.country.isEmpty() ? p.code : p.country, p.name);
  return out;
}

} // namespace streetlens::ui
