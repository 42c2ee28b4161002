#pragma once
// Reads C++ sources the way lupdate does, roughly: the texts passed to tr()/translate()/QT_TR_NOOP,
// and (a deliberately simple heuristic) visible-text setters given a literal outside tr().
// Test helper; any thread.
#include <QString>
#include <QStringList>

namespace streetlens::test {

// The code with // and /* */ comments blanked out (string and character literals kept).
QString stripComments(const QString &code);

// Texts of tr("..."), X::tr("..."), QCoreApplication::translate("ctx", "..."), QT_TR_NOOP("...")
// and QT_TRANSLATE_NOOP("ctx", "..."), with adjacent literals joined and escapes resolved.
QStringList translatableTexts(const QString &code);

// Literals that look like interface prose ("Open project", "Settings") passed to a visible-text
// setter or constructor (setText, setWindowTitle, setToolTip, addAction, QLabel(...),
// QMessageBox::warning(...), ...) outside tr(). Each entry: "line N: <call>: \"text\"".
QStringList untranslatedVisibleStrings(const QString &code);

} // namespace streetlens::test
