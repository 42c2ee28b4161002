#include "SourceScan.h"

#include <QRegularExpression>
#include <optional>

namespace streetlens::test {

namespace {

// Skips a "..." or '...' literal starting at i (the quote); returns the index after it.
qsizetype skipLiteral(const QString &s, qsizetype i) {
  const QChar quote = s[i];
  for (++i; i < s.size(); ++i) {
    if (s[i] == QLatin1Char('\\'))
      ++i;
    else if (s[i] == quote)
      return i + 1;
  }
  return s.size();
}

qsizetype skipSpace(const QString &s, qsizetype i) {
  while (i < s.size() && s[i].isSpace())
    ++i;
  return i;
}

// Reads one or more adjacent string literals at i (optionally prefixed u8/u/L); resolves escapes.
std::optional<QString> readLiterals(const QString &s, qsizetype &i) {
  QString text;
  bool any = false;
  for (;;) {
    qsizetype j = skipSpace(s, i);
    for (const char *prefix : {"u8", "u", "L"}) {
      const QLatin1String p(prefix);
      if (s.mid(j, p.size() + 1) == p + QLatin1Char('"')) {
        j += p.size();
        break;
      }
    }
    if (j >= s.size() || s[j] != QLatin1Char('"'))
      break;
    const qsizetype end = skipLiteral(s, j);
    const QString body = s.mid(j + 1, end - j - 2);
    for (qsizetype k = 0; k < body.size(); ++k) {
      if (body[k] == QLatin1Char('\\') && k + 1 < body.size()) {
        const QChar e = body[++k];
        text += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                        : e;
      } else {
        text += body[k];
      }
    }
    any = true;
    i = end;
  }
  return any ? std::optional<QString>(text) : std::nullopt;
}

// Index just after the parenthesis that closes the one before `open` (which is just after "(").
qsizetype closingParen(const QString &s, qsizetype open) {
  int depth = 1;
  for (qsizetype i = open; i < s.size(); ++i) {
    const QChar c = s[i];
    if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
      i = skipLiteral(s, i) - 1;
    } else if (c == QLatin1Char('(')) {
      ++depth;
    } else if (c == QLatin1Char(')') && --depth == 0) {
      return i + 1;
    }
  }
  return s.size();
}

int lineOf(const QString &s, qsizetype pos) {
  return int(s.left(pos).count(QLatin1Char('\n'))) + 1;
}

} // namespace

QString stripComments(const QString &code) {
  QString out = code;
  for (qsizetype i = 0; i < out.size(); ++i) {
    const QChar c = out[i];
    if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
      i = skipLiteral(out, i) - 1;
    } else if (c == QLatin1Char('/') && i + 1 < out.size() && out[i + 1] == QLatin1Char('/')) {
      while (i < out.size() && out[i] != QLatin1Char('\n'))
        out[i++] = QLatin1Char(' ');
    } else if (c == QLatin1Char('/') && i + 1 < out.size() && out[i + 1] == QLatin1Char('*')) {
      while (i < out.size() &&
             !(out[i] == QLatin1Char('*') && i + 1 < out.size() && out[i + 1] == QLatin1Char('/'))) {
        if (out[i] != QLatin1Char('\n'))
          out[i] = QLatin1Char(' ');
        ++i;
      }
      if (i + 1 < out.size())
        out[i] = out[i + 1] = QLatin1Char(' ');
      ++i;
    }
  }
  return out;
}

QStringList translatableTexts(const QString &rawCode) {
  const QString code = stripComments(rawCode);
  QStringList out;
  static const QRegularExpression oneArg(QStringLiteral("\\b(?:tr|QT_TR_NOOP)\\s*\\("));
  for (auto it = oneArg.globalMatch(code); it.hasNext();) {
    qsizetype i = it.next().capturedEnd();
    if (auto text = readLiterals(code, i))
      out << *text;
  }
  static const QRegularExpression twoArgs(QStringLiteral("\\b(?:translate|QT_TRANSLATE_NOOP)\\s*\\("));
  for (auto it = twoArgs.globalMatch(code); it.hasNext();) {
    qsizetype i = it.next().capturedEnd();
    if (!readLiterals(code, i))
      continue;
    i = skipSpace(code, i);
    if (i >= code.size() || code[i] != QLatin1Char(','))
      continue;
    ++i;
    if (auto text = readLiterals(code, i))
      out << *text;
  }
  return out;
}

QStringList untranslatedVisibleStrings(const QString &rawCode) {
  const QString code = stripComments(rawCode);
  static const QRegularExpression call(QStringLiteral(
      "\\b(setText|setWindowTitle|setToolTip|setStatusTip|setWhatsThis|setPlaceholderText|setTitle|"
      "setLabelText|setInformativeText|setTabText|showMessage|setPrefix|setSuffix|setSpecialValueText|"
      "addAction|addMenu|addTab|insertTab|addItem|addRow|setHeaderLabels|setHorizontalHeaderLabels|"
      "information|warning|critical|question|"
      "new\\s+(?:QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction|QToolButton|QMenu))\\s*\\("));
  // Calls whose arguments are never shown as text.
  static const QRegularExpression skipped(QStringLiteral(
      "(?:\\b(?:tr|translate|QT_TR_NOOP|QT_TRANSLATE_NOOP|fromTheme|QIcon|QKeySequence|QUrl|"
      "setObjectName|setProperty|property|arg|QVariant|fromUtf8|fromLatin1)|\\.\\s*arg)\\s*\\("));
  // Prose: a capitalised word, or two words.
  static const QRegularExpression prose(QStringLiteral("^[A-Z][a-z]{2,}|[A-Za-z]{2,}\\s+[A-Za-z]{2,}"));
  static const QStringList allowed = {QStringLiteral("StreetLens"), QStringLiteral("StreetCLIP")};

  QStringList problems;
  for (auto it = call.globalMatch(code); it.hasNext();) {
    const auto m = it.next();
    const qsizetype open = m.capturedEnd();
    const qsizetype close = closingParen(code, open);
    QString args = code.mid(open, close - open - 1);
    // Blank out the arguments of calls that translate or never show text.
    for (qsizetype p = 0;;) {
      const auto inner = skipped.match(args, p);
      if (!inner.hasMatch())
        break;
      const qsizetype innerClose = closingParen(args, inner.capturedEnd());
      args.replace(inner.capturedStart(), innerClose - inner.capturedStart(),
                   QString(innerClose - inner.capturedStart(), QLatin1Char(' ')));
      p = inner.capturedStart() + 1;
    }
    for (qsizetype i = 0; i < args.size(); ++i) {
      if (args[i] == QLatin1Char('\''))
        i = skipLiteral(args, i) - 1;
      if (args[i] != QLatin1Char('"'))
        continue;
      qsizetype j = i;
      const QString text = readLiterals(args, j).value_or(QString());
      i = j - 1;
      if (prose.match(text).hasMatch() && !allowed.contains(text))
        problems << QStringLiteral("line %1: %2(...): \"%3\"")
                        .arg(lineOf(code, m.capturedStart()))
                        .arg(m.captured(1), text);
    }
  }
  return problems;
}

} // namespace streetlens::test
