#include "core/export/Csv.h"

#include "core/export/ExportCommon.h"

#include <QStringDecoder>

namespace streetlens::exporting {

QString csvField(const QString &field) {
  bool quote = false;
  for (QChar c : field) {
    if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
      quote = true;
      break;
    }
  }
  if (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()))
    quote = true;
  if (!quote)
    return field;
  QString out;
  out.reserve(field.size() + 2);
  out += u'"';
  for (QChar c : field) {
    if (c == u'"')
      out += u'"';
    out += c;
  }
  out += u'"';
  return out;
}

QString csvRecord(const QStringList &fields) {
  QString line;
  for (qsizetype i = 0; i < fields.size(); ++i) {
    if (i > 0)
      line += u',';
    line += csvField(fields[i]);
  }
  line += QStringLiteral("\r\n");
  return line;
}

QStringList csvHeader() {
  return {QStringLiteral("path"),
          QStringLiteral("sha256"),
          QStringLiteral("status"),
          QStringLiteral("error"),
          QStringLiteral("country_code"),
          QStringLiteral("country_name"),
          QStringLiteral("country_probability"),
          QStringLiteral("region_code"),
          QStringLiteral("region_name"),
          QStringLiteral("region_probability"),
          QStringLiteral("city_name"),
          QStringLiteral("city_region"),
          QStringLiteral("city_country"),
          QStringLiteral("city_probability"),
          QStringLiteral("estimate_lat"),
          QStringLiteral("estimate_lon"),
          QStringLiteral("estimate_label"),
          QStringLiteral("exif_lat"),
          QStringLiteral("exif_lon"),
          QStringLiteral("exif_country"),
          QStringLiteral("error_km"),
          QStringLiteral("verdict"),
          QStringLiteral("note"),
          QStringLiteral("truth_lat"),
          QStringLiteral("truth_lon"),
          QStringLiteral("truth_error_km")};
}

QStringList csvHeader(const ExportOptions &opt) {
  QStringList h = csvHeader();
  for (const TaskColumns &t : opt.taskColumns) {
    const QString base = (t.clue ? QStringLiteral("clue:") : QStringLiteral("task:")) + t.name;
    h << base;
    if (t.clue) {
      h << base + QStringLiteral(":p");
      continue;
    }
    for (const QString &label : t.labels)
      h << base + QLatin1Char(':') + label;
  }
  if (opt.galleryColumns)
    h << galleryColumnNames();
  return h;
}

namespace {

QString optNumber(const std::optional<double> &v) {
  return v ? formatNumber(*v) : QString();
}

} // namespace

QStringList csvFields(const ImageResult &r, const ExportOptions &opt) {
  QStringList f;
  f << r.path << r.sha256 << statusName(r.status) << r.error;
  const PlaceProbability *country = r.countries.empty() ? nullptr : &r.countries.front();
  const PlaceProbability *region = r.regions.empty() ? nullptr : &r.regions.front();
  const PlaceProbability *city = r.cities.empty() ? nullptr : &r.cities.front();
  f << (country ? country->code : QString()) << (country ? country->name : QString())
    << (country ? formatNumber(country->probability) : QString());
  f << (region ? region->code : QString()) << (region ? region->name : QString())
    << (region ? formatNumber(region->probability) : QString());
  f << (city ? city->name : QString()) << (city ? city->region : QString())
    << (city ? city->country : QString()) << (city ? formatNumber(city->probability) : QString());
  if (r.estimate)
    f << formatNumber(r.estimate->lat) << formatNumber(r.estimate->lon);
  else
    f << QString() << QString();
  f << r.estimateLabel;
  const VisibleExif exif = visibleExif(r, opt);
  if (exif.location)
    f << formatNumber(exif.location->lat) << formatNumber(exif.location->lon);
  else
    f << QString() << QString();
  f << exif.country << optNumber(exif.errorKm);
  const Annotation *a = annotationOf(r, opt);
  f << (a ? verdictName(a->verdict) : QString()) << (a ? a->note : QString());
  if (a && a->truth)
    f << formatNumber(a->truth->lat) << formatNumber(a->truth->lon) << optNumber(a->truthErrorKm(r.estimate));
  else
    f << QString() << QString() << QString();
  for (const TaskCell &c : taskCells(r, opt.taskColumns))
    f << (c.probability ? formatNumber(*c.probability) : c.label);
  if (opt.galleryColumns)
    for (const GalleryCell &c : galleryCells(r))
      f << (c.number ? formatNumber(*c.number) : c.text);
  return f;
}

QByteArray resultsToCsv(const std::vector<ImageResult> &results, const ExportOptions &options) {
  ExportOptions opt = options;
  if (opt.taskColumns.empty())
    opt.taskColumns = taskColumnsOf(results);
  opt.galleryColumns = opt.galleryColumns || anyGallery(results);
  QString text = csvRecord(csvHeader(opt));
  for (const ImageResult &r : results)
    text += csvRecord(csvFields(r, opt));
  return text.toUtf8();
}

QByteArray sitesToCsvRows(const std::vector<SiteResult> &sites, const ExportOptions &opt) {
  QString out;
  for (const SiteResult &site : sites) {
    ImageResult r = site.posterior;
    r.path = QStringLiteral("site:") + site.name;
    r.sha256.clear();
    r.exifLocation.reset();
    out += csvRecord(csvFields(r, opt));
  }
  return out.toUtf8();
}

QList<QStringList> parseCsv(const QByteArray &data, QString *error) {
  auto fail = [error](int line, const QString &what) {
    if (error)
      *error = QStringLiteral("CSV line %1: %2").arg(line).arg(what);
    return QList<QStringList>();
  };
  QByteArray bytes = data;
  if (bytes.startsWith("\xEF\xBB\xBF"))
    bytes.remove(0, 3);
  QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
  const QString text = decoder.decode(bytes);
  if (decoder.hasError())
    return fail(1, QStringLiteral("the file is not valid UTF-8"));

  QList<QStringList> records;
  QStringList record;
  QString field;
  int line = 1;
  int quoteLine = 1; // where the current quoted field opened
  qsizetype i = 0;
  const qsizetype n = text.size();
  if (n == 0) {
    if (error)
      error->clear();
    return records;
  }
  enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
  State state = State::FieldStart;
  auto endRecord = [&]() {
    record << field;
    field.clear();
    records << record;
    record.clear();
    state = State::FieldStart;
  };
  while (i < n) {
    const QChar c = text[i];
    const bool lineBreak = c == u'\r' || c == u'\n';
    const qsizetype breakLen = (c == u'\r' && i + 1 < n && text[i + 1] == u'\n') ? 2 : 1;
    switch (state) {
    case State::FieldStart:
    case State::Unquoted:
      if (c == u',') {
        record << field;
        field.clear();
        state = State::FieldStart;
      } else if (lineBreak) {
        endRecord();
        ++line;
        i += breakLen;
        continue;
      } else if (c == u'"') {
        if (state == State::Unquoted)
          return fail(line, QStringLiteral("quote inside an unquoted field"));
        state = State::Quoted;
        quoteLine = line;
      } else {
        field += c;
        state = State::Unquoted;
      }
      break;
    case State::Quoted:
      if (c == u'"') {
        if (i + 1 < n && text[i + 1] == u'"') {
          field += u'"';
          ++i;
        } else {
          state = State::AfterQuote;
        }
      } else {
        if (c == u'\n' || (c == u'\r' && breakLen == 1))
          ++line;
        field += c;
      }
      break;
    case State::AfterQuote:
      if (c == u',') {
        record << field;
        field.clear();
        state = State::FieldStart;
      } else if (lineBreak) {
        endRecord();
        ++line;
        i += breakLen;
        continue;
      } else {
        return fail(line, QStringLiteral("unexpected text after a closing quote"));
      }
      break;
    }
    ++i;
  }
  if (state == State::Quoted)
    return fail(quoteLine, QStringLiteral("unterminated quoted field (opened here)"));
  // Text after the last line break forms a final record; a trailing line break does not.
  const QChar last = text[n - 1];
  if (!(last == u'\n' || last == u'\r') || !record.isEmpty() || !field.isEmpty() ||
      state != State::FieldStart)
    endRecord();
  if (error)
    error->clear();
  return records;
}

} // namespace streetlens::exporting
