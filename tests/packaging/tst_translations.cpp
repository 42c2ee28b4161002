// Translations: every .ts complete (no unfinished, empty or stale entries), translations keep the
// placeholders, HTML tags and accelerators of their source, every tr() text of ui/ and app/gui is in
// every .ts, visible strings in ui/ go through tr(), and the loader picks and installs the language.
#include "SourceScan.h"
#include "TsFile.h"
#include "translations/Translator.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace streetlens;
using namespace streetlens::test;

namespace {

const QStringList kLanguages = {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")};

QString tsPath(const QString &lang) {
  return QStringLiteral(STREETLENS_TS_DIR "/streetlens_%1.ts").arg(lang);
}

// The sources lupdate reads (translations/CMakeLists.txt): ui/, ui/map/ and app/gui/.
QStringList guiSources() {
  QStringList files;
  for (const char *dir : {"ui", "app/gui"}) {
    QDirIterator it(QStringLiteral(STREETLENS_SOURCE_DIR "/") + QLatin1String(dir),
                    {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
      files << it.next();
  }
  files.sort();
  return files;
}

QString readText(const QString &path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

TsFile loadTs(const QString &lang) {
  QString error;
  auto ts = readTsFile(tsPath(lang), &error);
  if (!ts)
    qFatal("%s", qPrintable(error));
  return std::move(*ts);
}

// Names of the contexts tr() texts are looked up under at run time: Q_OBJECT classes (unqualified;
// moc adds the namespace), Q_DECLARE_TR_FUNCTIONS(X) and translate("X", ...) contexts.
QSet<QString> runtimeContexts() {
  QSet<QString> out = {QStringLiteral("QObject"), QStringLiteral("QCoreApplication")};
  static const QRegularExpression qobject(QStringLiteral("\\bclass\\s+(\\w+)[^;{]*\\{\\s*Q_OBJECT\\b"));
  static const QRegularExpression declared(
      QStringLiteral("Q_DECLARE_TR_FUNCTIONS\\s*\\(\\s*([\\w:]+)\\s*\\)"));
  static const QRegularExpression translate(
      QStringLiteral("\\b(?:translate|QT_TRANSLATE_NOOP)\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*\""));
  for (const QString &file : guiSources()) {
    const QString code = stripComments(readText(file));
    for (const auto *re : {&qobject, &declared, &translate})
      for (auto it = re->globalMatch(code); it.hasNext();)
        out.insert(it.next().captured(1));
  }
  return out;
}

// A context matches when it is one of the above, or its last component is a Q_OBJECT class.
bool isRuntimeContext(const QSet<QString> &contexts, const QString &context) {
  return contexts.contains(context) || contexts.contains(context.section(QStringLiteral("::"), -1));
}

void removeTranslators() {
  for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
    delete t; // the destructor uninstalls it
}

QString summary(const QStringList &problems) {
  return QStringLiteral("%1 problem(s):\n  ").arg(problems.size()) +
         problems.mid(0, 25).join(QStringLiteral("\n  "));
}

} // namespace

class TstTranslations : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void cleanup() {
    removeTranslators();
    QLocale::setDefault(QLocale::c());
  }

  void tsFileIsComplete_data() {
    QTest::addColumn<QString>("lang");
    for (const QString &l : kLanguages)
      QTest::newRow(qPrintable(l)) << l;
  }
  void tsFileIsComplete() {
    QFETCH(QString, lang);
    QVERIFY2(QFile::exists(tsPath(lang)), qPrintable(tsPath(lang) + QStringLiteral(" is missing")));
    const TsFile ts = loadTs(lang);
    QVERIFY2(ts.language.startsWith(lang),
             qPrintable(QStringLiteral("language attribute %1").arg(ts.language)));
    QVERIFY2(ts.messages.size() >= 50,
             qPrintable(QStringLiteral("only %1 messages").arg(ts.messages.size())));
    QStringList problems;
    for (const TsMessage &m : ts.messages) {
      const QString where = m.context + QStringLiteral(" \"") + m.source + QLatin1Char('"');
      if (!m.type.isEmpty())
        problems << where + QStringLiteral(": translation is ") + m.type;
      if (m.translations.isEmpty())
        problems << where + QStringLiteral(": no translation");
      for (const QString &t : m.translations)
        if (t.trimmed().isEmpty())
          problems << where + QStringLiteral(": empty translation");
    }
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
  }

  void translationsKeepPlaceholdersTagsAccelerators_data() { tsFileIsComplete_data(); }
  void translationsKeepPlaceholdersTagsAccelerators() {
    QFETCH(QString, lang);
    QStringList problems;
    for (const TsMessage &m : loadTs(lang).messages)
      for (const QString &t : m.translations)
        for (const QString &p : translationProblems(m.source, t))
          problems << m.context + QStringLiteral(" \"") + m.source + QStringLiteral("\": ") + p;
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
  }

  // A new tr() text that nobody ran lupdate for (or translated) fails here.
  void everyTrTextIsInTheTsFile_data() { tsFileIsComplete_data(); }
  void everyTrTextIsInTheTsFile() {
    QFETCH(QString, lang);
    QSet<QString> known;
    for (const TsMessage &m : loadTs(lang).messages)
      known.insert(m.source);
    QStringList problems;
    int texts = 0;
    for (const QString &file : guiSources()) {
      for (const QString &text : translatableTexts(readText(file))) {
        ++texts;
        if (!known.contains(text))
          problems << QDir(QStringLiteral(STREETLENS_SOURCE_DIR)).relativeFilePath(file) +
                          QStringLiteral(": \"") + text + QStringLiteral("\" is not in ") +
                          QFileInfo(tsPath(lang)).fileName();
      }
    }
    QVERIFY2(texts >= 50, qPrintable(QStringLiteral("found only %1 tr() texts in ui/").arg(texts)));
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
  }

  // lupdate itself, on copies of the .ts files: nothing new, nothing stale, and no tr() whose
  // context lupdate cannot tie to a class ("lacks Q_OBJECT": looked up under another context at
  // run time, so never translated).
  void lupdateFindsNothingToDo() {
    QTemporaryDir tmp;
    QStringList args = {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                        QStringLiteral("-I"), QStringLiteral(STREETLENS_SOURCE_DIR)};
    args << guiSources() << QStringLiteral("-ts");
    for (const QString &lang : kLanguages) {
      const QString copy = tmp.filePath(QFileInfo(tsPath(lang)).fileName());
      QVERIFY(QFile::copy(tsPath(lang), copy));
      args << copy;
    }
    QProcess lupdate;
    lupdate.start(QStringLiteral(STREETLENS_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QString output =
        QString::fromLocal8Bit(lupdate.readAllStandardOutput() + lupdate.readAllStandardError());
    QVERIFY2(lupdate.exitCode() == 0, qPrintable(output));
    QStringList problems;
    for (const QString &line : output.split(QLatin1Char('\n')))
      if (line.contains(QLatin1String("lacks Q_OBJECT")) ||
          line.contains(QLatin1String("Cannot invoke tr()")))
        problems << line.trimmed();
    const QSet<QString> contexts = runtimeContexts();
    for (const QString &lang : kLanguages) {
      QString error;
      const auto fresh = readTsFile(tmp.filePath(QFileInfo(tsPath(lang)).fileName()), &error);
      QVERIFY2(fresh, qPrintable(error));
      QSet<QString> committed;
      for (const TsMessage &m : loadTs(lang).messages)
        committed.insert(m.context + QLatin1Char('|') + m.source);
      QSet<QString> current;
      for (const TsMessage &m : fresh->messages) {
        current.insert(m.context + QLatin1Char('|') + m.source);
        if (!m.type.isEmpty())
          problems << QStringLiteral(
                          "%1: %2 \"%3\" needs a translation (run the streetlens_i18n_lupdate target)")
                          .arg(lang, m.context, m.source);
      }
      if (lang == kLanguages.first()) {
        QMap<QString, QStringList> wrong;
        for (const TsMessage &m : fresh->messages)
          if (!isRuntimeContext(contexts, m.context))
            wrong[m.context] << m.source;
        for (auto it = wrong.cbegin(); it != wrong.cend(); ++it)
          problems << QStringLiteral("%1 tr() text(s) land in context \"%2\", which is no Q_OBJECT class, "
                                     "Q_DECLARE_TR_FUNCTIONS or translate() context, so they are never "
                                     "translated at run time: \"%3\"")
                          .arg(it->size())
                          .arg(it.key(), it->join(QStringLiteral("\", \"")));
      }
      for (const QString &stale : committed - current)
        problems << QStringLiteral("%1: %2 is no longer in the sources").arg(lang, stale);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
  }

  // QT_TRANSLATE_NOOP("C", ...) texts are found at run time only under "C": by translate("C", text)
  // or by tr() of a Q_OBJECT class whose full name (with namespaces, as moc gives it) is C.
  void noopContextsAreLookedUp() {
    QSet<QString> qualified, lookedUp;
    QList<QPair<QString, QString>> noops; // file, context
    static const QRegularExpression ns(QStringLiteral("\\bnamespace\\s+([\\w:]+)\\s*\\{"));
    static const QRegularExpression qobject(QStringLiteral("\\bclass\\s+(\\w+)[^;{]*\\{\\s*Q_OBJECT\\b"));
    static const QRegularExpression noop(QStringLiteral("QT_TRANSLATE_NOOP\\s*\\(\\s*\"([^\"]+)\""));
    static const QRegularExpression dynamic(
        QStringLiteral("\\btranslate\\s*\\(\\s*\"([^\"]+)\"\\s*,\\s*[A-Za-z_]"));
    for (const QString &file : guiSources()) {
      const QString code = stripComments(readText(file));
      for (auto it = qobject.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        QString space;
        for (auto n = ns.globalMatch(code); n.hasNext();) {
          const auto nm = n.next();
          if (nm.capturedStart() < m.capturedStart())
            space = nm.captured(1) + QStringLiteral("::");
        }
        qualified.insert(space + m.captured(1));
      }
      for (auto it = dynamic.globalMatch(code); it.hasNext();)
        lookedUp.insert(it.next().captured(1));
      for (auto it = noop.globalMatch(code); it.hasNext();)
        noops.append(
            {QDir(QStringLiteral(STREETLENS_SOURCE_DIR)).relativeFilePath(file), it.next().captured(1)});
    }
    QStringList problems;
    for (const auto &[file, context] : noops)
      if (!qualified.contains(context) && !lookedUp.contains(context))
        problems << QStringLiteral(
                        "%1: QT_TRANSLATE_NOOP(\"%2\", ...) is never looked up under \"%2\"; tr() of a "
                        "namespaced class uses its full name (e.g. streetlens::ui::%2)")
                        .arg(file, context);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(summary(problems)));
  }

  void visibleStringsAreTranslatable_data() {
    QTest::addColumn<QString>("file");
    for (const QString &f : guiSources())
      if (f.endsWith(QLatin1String(".cpp")))
        QTest::newRow(qPrintable(QDir(QStringLiteral(STREETLENS_SOURCE_DIR)).relativeFilePath(f))) << f;
  }
  void visibleStringsAreTranslatable() {
    QFETCH(QString, file);
    const QStringList problems = untranslatedVisibleStrings(readText(file));
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("not wrapped in tr(): ") + summary(problems)));
  }

  // The scanners themselves: they must see what they are meant to see.
  void scannersFindWhatTheyShould() {
    const QString code = QStringLiteral(
        "// setText(QStringLiteral(\"Commented out\"));\n"
        "label->setText(QStringLiteral(\"Open project\"));\n"
        "button->setToolTip(tr(\"Fine \" \"joined\"));\n"
        "menu->addAction(QIcon::fromTheme(QStringLiteral(\"document-open\")), tr(\"&Open\"));\n"
        "combo->addItem(tr(\"Automatic\"), QStringLiteral(\"auto\"));\n"
        "QMessageBox::warning(this, QStringLiteral(\"Cannot save\"), err);\n"
        "auto *l = new QLabel(QStringLiteral(\"%1 km\").arg(QStringLiteral(\"Some words\")));\n"
        "QString s = QCoreApplication::translate(\"Ctx\", \"Translated \\\"quoted\\\"\");\n");
    QCOMPARE(translatableTexts(code),
             QStringList({QStringLiteral("Fine joined"), QStringLiteral("&Open"), QStringLiteral("Automatic"),
                          QStringLiteral("Translated \"quoted\"")}));
    const QStringList found = untranslatedVisibleStrings(code);
    QCOMPARE(found.size(), 2);
    QVERIFY(found[0].contains(QLatin1String("Open project")) &&
            found[0].startsWith(QLatin1String("line 2:")));
    QVERIFY(found[1].contains(QLatin1String("Cannot save")));
  }

  void translationChecks_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    QTest::addColumn<int>("problems");
    QTest::newRow("same") << "%1 of %2 photos, <b>%L3</b> km"
                          << "%1 von %2 Fotos, <b>%L3</b> km" << 0;
    QTest::newRow("reordered") << "%1 of %2"
                               << "%2 : %1" << 0;
    QTest::newRow("lost-placeholder") << "%1 of %2"
                                      << "%1 von" << 1;
    QTest::newRow("lost-tag") << "<b>Model</b> missing"
                              << "Modell fehlt" << 1;
    QTest::newRow("accelerator") << "&Open"
                                 << "Öffnen" << 1;
    QTest::newRow("ampersand-not-accelerator") << "Fish && chips &amp; more"
                                               << "Fisch und Pommes" << 0;
    QTest::newRow("numerus") << "%n photo(s)"
                             << "%n Foto(s)" << 0;
  }
  void translationChecks() {
    QFETCH(QString, source);
    QFETCH(QString, translation);
    QFETCH(int, problems);
    QCOMPARE(translationProblems(source, translation).size(), problems);
  }

  void parseLanguage_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("localeName");
    QTest::newRow("de") << "de" << true << "de_DE";
    QTest::newRow("de-AT") << "de-AT" << true << "de_AT";
    QTest::newRow("fr_CA.UTF-8") << "fr_CA.UTF-8" << true << "fr_CA";
    QTest::newRow("es") << " es " << true << "es_ES";
    QTest::newRow("C") << "C" << true << "en_US";
    QTest::newRow("unknown") << "xx" << false << "";
    QTest::newRow("word") << "klingon" << false << "";
  }
  void parseLanguage() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, localeName);
    QLocale locale;
    QString error;
    QCOMPARE(i18n::parseLanguage(name, &locale, &error), valid);
    if (valid)
      QCOMPARE(locale.name(), localeName);
    else
      QVERIFY(error.contains(name.trimmed()));
  }

  void chooseLanguage_data() {
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("settings");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("warns");
    using S = i18n::LanguageSource;
    QTest::newRow("command-line-wins") << "fr"
                                       << "de"
                                       << "es" << int(S::CommandLine) << "fr" << false;
    QTest::newRow("environment") << ""
                                 << "de"
                                 << "es" << int(S::Environment) << "de" << false;
    QTest::newRow("settings") << ""
                              << ""
                              << "es" << int(S::Settings) << "es" << false;
    QTest::newRow("system-setting") << ""
                                    << ""
                                    << "system" << int(S::System) << "" << false;
    QTest::newRow("nothing") << ""
                             << ""
                             << "" << int(S::System) << "" << false;
    QTest::newRow("bad-command-line") << "xx"
                                      << "de"
                                      << "" << int(S::Environment) << "de" << true;
    QTest::newRow("all-bad") << "xx"
                             << "yy"
                             << "zz" << int(S::System) << "" << true;
  }
  void chooseLanguage() {
    QFETCH(QString, commandLine);
    QFETCH(QString, environment);
    QFETCH(QString, settings);
    QFETCH(int, source);
    QFETCH(QString, language);
    QFETCH(bool, warns);
    QString warning;
    const auto choice = i18n::chooseLanguage(commandLine, environment, settings, &warning);
    QCOMPARE(int(choice.source), source);
    if (language.isEmpty())
      QCOMPARE(choice.locale, QLocale::system());
    else
      QCOMPARE(QLocale::languageToCode(choice.locale.language()), language);
    QCOMPARE(!warning.isEmpty(), warns);
  }

  // The built-in .qm files load, and a translated message comes back translated.
  void installsTheTranslation_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("loaded");
    QTest::newRow("de") << "de_DE"
                        << "de";
    QTest::newRow("de_CH") << "de_CH"
                           << "de";
    QTest::newRow("fr") << "fr_FR"
                        << "fr";
    QTest::newRow("es_MX") << "es_MX"
                           << "es";
    QTest::newRow("en") << "en_GB"
                        << "en";
    QTest::newRow("not-shipped") << "it_IT"
                                 << "en";
  }
  void installsTheTranslation() {
    QFETCH(QString, locale);
    QFETCH(QString, loaded);
    QCOMPARE(i18n::installTranslators(*QCoreApplication::instance(), QLocale(locale)), loaded);
    QCOMPARE(QLocale().name(), locale); // numbers follow the chosen locale
    const TsFile ts = loadTs(loaded == QLatin1String("en") ? QStringLiteral("de") : loaded);
    int checked = 0;
    for (const TsMessage &m : ts.messages) {
      if (m.numerus || m.translations.isEmpty() || m.translations.first() == m.source)
        continue;
      const QString got = QCoreApplication::translate(qPrintable(m.context), qPrintable(m.source),
                                                      m.comment.isEmpty() ? nullptr : qPrintable(m.comment));
      QCOMPARE(got, loaded == QLatin1String("en") ? m.source : m.translations.first());
      if (++checked == 20)
        break;
    }
    QVERIFY(checked > 0);
  }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
