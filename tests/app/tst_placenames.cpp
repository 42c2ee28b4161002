// Country names follow the interface language (issue 9): German, French and Spanish names from
// the gazetteer, the result's English name for English and before the gazetteer is known.
#include "core/gazetteer/Gazetteer.h"
#include "ui/PlaceNames.h"

#include <QLocale>
#include <QtTest>

using namespace streetlens;

class TestPlaceNames : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void followsLanguage_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("german") << "de_DE"
                            << "DE"
                            << "Deutschland";
    QTest::newRow("french") << "fr_FR"
                            << "DE"
                            << "Allemagne";
    QTest::newRow("spanish") << "es_ES"
                             << "DE"
                             << "Alemania";
    QTest::newRow("english-keeps-result-name") << "en_US"
                                               << "DE"
                                               << "Germany (result)";
    QTest::newRow("unknown-code") << "de_DE"
                                  << "ZZ"
                                  << "Germany (result)";
  }
  void followsLanguage() {
    QFETCH(QString, locale);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QString err;
    auto gaz = gazetteer::Gazetteer::load(QStringLiteral(":/gazetteer"), &err);
    QVERIFY2(gaz, qPrintable(err));
    const QLocale before;
    QLocale::setDefault(QLocale(locale));
    ui::setDisplayGazetteer(gaz);
    QCOMPARE(ui::countryDisplayName(code, QStringLiteral("Germany (result)")), expected);
    PlaceProbability p;
    p.code = code;
    p.country = code;
    p.name = QStringLiteral("Germany (result)");
    QCOMPARE(ui::localizedCountries({p}).front().name, expected);
    ui::setDisplayGazetteer(nullptr);
    QCOMPARE(ui::countryDisplayName(code, QStringLiteral("x")), QStringLiteral("x")); // no gazetteer yet
    QLocale::setDefault(before);
  }
};

QTEST_GUILESS_MAIN(TestPlaceNames)
#include "tst_placenames.moc"
