#include "core/gazetteer/CommonNames.h"

#include <QHash>

namespace streetlens::gazetteer {

QString commonEnglishName(const QString &code2, const QString &fallback) {
  static const QHash<QString, QString> names = {
      {QStringLiteral("BN"), QStringLiteral("Brunei")},
      {QStringLiteral("BQ"), QStringLiteral("Caribbean Netherlands")},
      {QStringLiteral("CC"), QStringLiteral("Cocos Islands")},
      {QStringLiteral("CD"), QStringLiteral("DR Congo")},
      {QStringLiteral("CG"), QStringLiteral("Republic of the Congo")},
      {QStringLiteral("CI"), QStringLiteral("Ivory Coast")},
      {QStringLiteral("CN"), QStringLiteral("China")},
      {QStringLiteral("CZ"), QStringLiteral("Czechia")},
      {QStringLiteral("FK"), QStringLiteral("Falkland Islands")},
      {QStringLiteral("FM"), QStringLiteral("Micronesia")},
      {QStringLiteral("GM"), QStringLiteral("The Gambia")},
      {QStringLiteral("IR"), QStringLiteral("Iran")},
      {QStringLiteral("LA"), QStringLiteral("Laos")},
      {QStringLiteral("MD"), QStringLiteral("Moldova")},
      {QStringLiteral("MF"), QStringLiteral("Saint Martin")},
      {QStringLiteral("MK"), QStringLiteral("North Macedonia")},
      {QStringLiteral("PS"), QStringLiteral("Palestine")},
      {QStringLiteral("RU"), QStringLiteral("Russia")},
      {QStringLiteral("SX"), QStringLiteral("Sint Maarten")},
      {QStringLiteral("SY"), QStringLiteral("Syria")},
      {QStringLiteral("TL"), QStringLiteral("East Timor")},
      {QStringLiteral("TW"), QStringLiteral("Taiwan")},
      {QStringLiteral("TZ"), QStringLiteral("Tanzania")},
      {QStringLiteral("US"), QStringLiteral("United States")},
      {QStringLiteral("VA"), QStringLiteral("Vatican City")},
      {QStringLiteral("VG"), QStringLiteral("British Virgin Islands")},
      {QStringLiteral("VI"), QStringLiteral("U.S. Virgin Islands")},
  };
  return names.value(code2.toUpper(), fallback);
}

} // namespace streetlens::gazetteer
