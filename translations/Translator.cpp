#include "translations/Translator.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#ifndef STREETLENS_TRANSLATIONS_RELDIR
#define STREETLENS_TRANSLATIONS_RELDIR "../share/streetlens/translations"
#endif

namespace streetlens::i18n {

namespace {

bool isNoOverride(const QString &name) {
  const QString n = name.trimmed();
  return n.isEmpty() || n.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0;
}

// "de_AT.UTF-8@euro" -> "de_AT"; "de-AT" -> "de_AT".
QString normalise(const QString &name) {
  QString n = name.trimmed();
  n = n.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
  n.replace(QLatin1Char('-'), QLatin1Char('_'));
  return n;
}

// The shipped translation for a UI language ("de-AT" -> "de"); "en" for English; empty otherwise.
QString shippedLanguage(const QString &uiLanguage) {
  const QString code = normalise(uiLanguage).section(QLatin1Char('_'), 0, 0).toLower();
  return availableLanguages().contains(code) ? code : QString();
}

} // namespace

QStringList availableLanguages() {
  return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es")};
}

bool parseLanguage(const QString &name, QLocale *locale, QString *error) {
  if (isNoOverride(name)) {
    *locale = QLocale::system();
    return true;
  }
  const QString n = normalise(name);
  if (n == QLatin1String("C") || n == QLatin1String("POSIX")) {
    *locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return true;
  }
  const QLocale parsed(n);
  if (n.isEmpty() || parsed.language() == QLocale::C) {
    if (error)
      *error = QStringLiteral("unknown language \"%1\" (use one of %2, or a locale name such as de_AT)")
                   .arg(name, availableLanguages().join(QStringLiteral(", ")));
    return false;
  }
  *locale = parsed;
  return true;
}

LanguageChoice chooseLanguage(const QString &commandLine, const QString &environment,
                              const QString &settingsValue, QString *warning) {
  const std::pair<QString, LanguageSource> candidates[] = {{commandLine, LanguageSource::CommandLine},
                                                           {environment, LanguageSource::Environment},
                                                           {settingsValue, LanguageSource::Settings}};
  QStringList problems;
  for (const auto &[value, source] : candidates) {
    if (isNoOverride(value))
      continue;
    QLocale locale;
    QString err;
    if (!parseLanguage(value, &locale, &err)) {
      problems << err;
      continue;
    }
    if (warning)
      *warning = problems.join(QStringLiteral("; "));
    return {locale, source, value.trimmed()};
  }
  if (warning)
    *warning = problems.join(QStringLiteral("; "));
  return {QLocale::system(), LanguageSource::System, QString()};
}

LanguageChoice chooseLanguage(const QString &commandLine, QString *warning) {
  const QString env = qEnvironmentVariable("STREETLENS_LANG");
  const QString stored = QSettings().value(QLatin1String(kLanguageSettingsKey)).toString();
  return chooseLanguage(commandLine, env, stored, warning);
}

QString installTranslators(QCoreApplication &app, const QLocale &locale) {
  QLocale::setDefault(locale);
  QString language;
  for (const QString &ui : locale.uiLanguages()) {
    language = shippedLanguage(ui);
    if (!language.isEmpty())
      break;
  }
  if (language.isEmpty() || language == QLatin1String("en"))
    return QStringLiteral("en");

  const QString file = QStringLiteral("streetlens_") + language;
  const QString installed =
      QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(STREETLENS_TRANSLATIONS_RELDIR));
  auto *own = new QTranslator(&app);
  if (!own->load(file, installed) && !own->load(file, QStringLiteral(":/i18n"))) {
    delete own;
    return QStringLiteral("en");
  }
  QCoreApplication::installTranslator(own);

  // Qt's own strings (standard buttons, file dialogs), from qt6-translations-l10n when installed.
  auto *qt = new QTranslator(&app);
  if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  else
    delete qt;
  return language;
}

} // namespace streetlens::i18n
