#pragma once
// Interface language: picks it (--language, STREETLENS_LANG, the "ui/language" setting, the
// system locale, in that order) and installs StreetLens's and Qt's own translators into the
// application. Free functions; call them on the GUI thread before the first window is built.
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace streetlens::i18n {

// Where the language came from.
enum class LanguageSource { CommandLine, Environment, Settings, System };

struct LanguageChoice {
  QLocale locale; // the chosen language (QLocale::system() when nothing overrides it)
  LanguageSource source = LanguageSource::System;
  QString requested; // the override as given ("de", "fr_CA"); empty for the system locale
};

// Languages the interface is translated into, plus "en" (the source language).
QStringList availableLanguages();

// Parses "de", "de_DE", "de-AT", "fr.UTF-8"; "" or "system" means no override. False (and *error,
// naming the value) when the name is not a language QLocale knows.
bool parseLanguage(const QString &name, QLocale *locale, QString *error);

// Picks the language. commandLine and environment are the raw override values (empty: not given);
// settingsValue is the stored "ui/language" setting. The first non-empty, valid one wins; an
// invalid one is reported in *warning (if given) and skipped.
LanguageChoice chooseLanguage(const QString &commandLine, const QString &environment,
                              const QString &settingsValue, QString *warning = nullptr);
// Same, reading STREETLENS_LANG and QSettings' "ui/language" (organisation/application names must be
// set first).
LanguageChoice chooseLanguage(const QString &commandLine, QString *warning = nullptr);

// Loads the translation of `locale` (first of its UI languages we ship; English needs none) into
// app: StreetLens's own (installed share/streetlens/translations first, then the built-in copy)
// and Qt's qtbase catalogue when present. Makes `locale` the default QLocale, so numbers follow it.
// Returns the language loaded ("en" when the interface stays in English).
QString installTranslators(QCoreApplication &app, const QLocale &locale);

// The name of the settings key holding the user's choice ("", "system", or a language name).
inline constexpr const char *kLanguageSettingsKey = "ui/language";

} // namespace streetlens::i18n
