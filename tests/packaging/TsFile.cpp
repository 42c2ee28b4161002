#include "TsFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace streetlens::test {

std::optional<TsFile> readTsFile(const QString &path, QString *error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: cannot open (%2)").arg(path, file.errorString());
    return std::nullopt;
  }
  TsFile ts;
  QXmlStreamReader xml(&file);
  QString context;
  std::optional<TsMessage> message;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement()) {
      const auto name = xml.name();
      if (name == QLatin1String("TS")) {
        ts.language = xml.attributes().value(QLatin1String("language")).toString();
      } else if (name == QLatin1String("context")) {
        context.clear();
      } else if (name == QLatin1String("name") && !message) {
        context = xml.readElementText();
      } else if (name == QLatin1String("message")) {
        message = TsMessage{};
        message->context = context;
        message->numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
      } else if (message && name == QLatin1String("source")) {
        message->source = xml.readElementText();
      } else if (message && name == QLatin1String("comment")) {
        message->comment = xml.readElementText();
      } else if (message && name == QLatin1String("translation")) {
        message->type = xml.attributes().value(QLatin1String("type")).toString();
        if (!message->numerus)
          message->translations << xml.readElementText();
      } else if (message && name == QLatin1String("numerusform")) {
        message->translations << xml.readElementText();
      }
    } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && message) {
      ts.messages.push_back(std::move(*message));
      message.reset();
    }
  }
  if (xml.hasError()) {
    *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return std::nullopt;
  }
  return ts;
}

QStringList placeholders(const QString &text) {
  static const QRegularExpression re(QStringLiteral("%(L?[1-9][0-9]?|n)"));
  QStringList out;
  for (auto it = re.globalMatch(text); it.hasNext();)
    out << it.next().captured(0);
  out.sort();
  return out;
}

QStringList htmlTags(const QString &text) {
  static const QRegularExpression re(QStringLiteral("<\\s*(/?)\\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>"));
  QStringList out;
  for (auto it = re.globalMatch(text); it.hasNext();) {
    const auto m = it.next();
    out << m.captured(1) + m.captured(2).toLower();
  }
  out.sort();
  return out;
}

int accelerators(const QString &text) {
  int count = 0;
  for (qsizetype i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != QLatin1Char('&'))
      continue;
    const QChar next = text[i + 1];
    if (next == QLatin1Char('&')) { // "&&" is a literal ampersand
      ++i;
      continue;
    }
    static const QRegularExpression entity(QStringLiteral("^&(#[0-9]+|[A-Za-z]+);"));
    if (next.isSpace() || entity.match(text.mid(i, 12)).hasMatch())
      continue;
    ++count;
  }
  return count;
}

QStringList translationProblems(const QString &source, const QString &translation) {
  QStringList problems;
  if (placeholders(source) != placeholders(translation))
    problems << QStringLiteral("placeholders %1 vs %2")
                    .arg(placeholders(source).join(QLatin1Char(' ')),
                         placeholders(translation).join(QLatin1Char(' ')));
  if (htmlTags(source) != htmlTags(translation))
    problems << QStringLiteral("HTML tags %1 vs %2")
                    .arg(htmlTags(source).join(QLatin1Char(' ')),
                         htmlTags(translation).join(QLatin1Char(' ')));
  if (accelerators(source) != accelerators(translation))
    problems
        << QStringLiteral("%1 accelerator(s) vs %2").arg(accelerators(source)).arg(accelerators(translation));
  return problems;
}

} // namespace streetlens::test
