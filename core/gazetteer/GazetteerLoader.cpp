#include "core/gazetteer/GazetteerLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <cmath>

namespace streetlens::gazetteer {

using geo::GeoPoint;

namespace {

constexpr int kFormatVersion = 1;

bool fail(QString *error, const QString &message) {
  if (error)
    *error = message;
  return false;
}

bool validPoint(GeoPoint p) {
  return p.isValid();
}

// Splits a TSV file into rows of fields; checks the header names. Rows keep their line numbers
// (1-based, header = 1) for messages.
struct TsvRow {
  int line = 0;
  QList<QByteArray> fields;
};

bool readTsv(const QByteArray &data, const QString &fileName, const QList<QByteArray> &expectedHeader,
             QVector<TsvRow> &rows, QString *error) {
  const QList<QByteArray> lines = data.split('\n');
  if (lines.isEmpty() || lines.front().trimmed().isEmpty())
    return fail(error, QStringLiteral("%1: empty file").arg(fileName));
  const QList<QByteArray> header = lines.front().trimmed().split('\t');
  if (header != expectedHeader)
    return fail(error, QStringLiteral("%1: unexpected header '%2' (expected '%3')")
                           .arg(fileName, QString::fromUtf8(lines.front().trimmed()),
                                QString::fromUtf8(expectedHeader.join('\t'))));
  rows.reserve(lines.size());
  for (qsizetype i = 1; i < lines.size(); ++i) {
    QByteArray line = lines[i];
    if (line.endsWith('\r'))
      line.chop(1);
    if (line.isEmpty())
      continue;
    TsvRow row{int(i + 1), line.split('\t')};
    if (row.fields.size() != expectedHeader.size())
      return fail(error, QStringLiteral("%1:%2: %3 fields instead of %4")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(row.fields.size())
                             .arg(expectedHeader.size()));
    rows.push_back(std::move(row));
  }
  return true;
}

bool toDouble(const QByteArray &s, double &out) {
  bool ok = false;
  out = s.toDouble(&ok);
  return ok && std::isfinite(out);
}

bool toInt64(const QByteArray &s, qint64 &out) {
  bool ok = false;
  out = s.toLongLong(&ok);
  return ok;
}

geo::GeoRing ringFromJson(const QJsonArray &flat, double scale) {
  QVector<GeoPoint> pts;
  pts.reserve(flat.size() / 2);
  for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
    pts.push_back({flat[i + 1].toDouble() / scale, flat[i].toDouble() / scale});
  return geo::GeoRing::fromPoints(std::move(pts));
}

} // namespace

bool GazetteerLoader::parseCountries(const QByteArray &json, const QString &fileName, Gazetteer &out,
                                     QString *error) {
  QJsonParseError pe;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
  if (pe.error != QJsonParseError::NoError)
    return fail(error, QStringLiteral("%1: invalid JSON at offset %2: %3")
                           .arg(fileName)
                           .arg(pe.offset)
                           .arg(pe.errorString()));
  const QJsonObject root = doc.object();
  if (root.value(QLatin1String("format")).toString() != QLatin1String("streetlens-gazetteer-countries"))
    return fail(error, QStringLiteral("%1: not a StreetLens countries file").arg(fileName));
  if (root.value(QLatin1String("version")).toInt() != kFormatVersion)
    return fail(error, QStringLiteral("%1: unsupported version %2 (expected %3)")
                           .arg(fileName)
                           .arg(root.value(QLatin1String("version")).toInt())
                           .arg(kFormatVersion));
  const double scale = root.value(QLatin1String("coordScale")).toDouble();
  if (!(scale > 0.0))
    return fail(error, QStringLiteral("%1: missing or invalid coordScale").arg(fileName));
  const QJsonArray list = root.value(QLatin1String("countries")).toArray();
  if (list.isEmpty())
    return fail(error, QStringLiteral("%1: no countries").arg(fileName));

  out.m_countries.reserve(list.size());
  for (qsizetype i = 0; i < list.size(); ++i) {
    const QJsonObject o = list[i].toObject();
    Country c;
    c.code2 = o.value(QLatin1String("a2")).toString();
    c.code3 = o.value(QLatin1String("a3")).toString();
    c.numeric = o.value(QLatin1String("num")).toString();
    c.unMember = o.value(QLatin1String("un")).toBool();
    const QJsonObject names = o.value(QLatin1String("names")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
      c.names.insert(it.key(), it.value().toString());
    c.representativePoint = {o.value(QLatin1String("lat")).toDouble(qQNaN()),
                             o.value(QLatin1String("lon")).toDouble(qQNaN())};
    c.populationCenter = {o.value(QLatin1String("popLat")).toDouble(qQNaN()),
                          o.value(QLatin1String("popLon")).toDouble(qQNaN())};
    c.population = qint64(o.value(QLatin1String("population")).toDouble());
    const QString where = QStringLiteral("%1: country #%2 (%3)").arg(fileName).arg(i).arg(c.code2);
    if (c.code2.size() != 2 || c.code3.size() != 3)
      return fail(error, where + QStringLiteral(": invalid alpha-2/alpha-3 code"));
    if (c.names.value(QStringLiteral("en")).isEmpty())
      return fail(error, where + QStringLiteral(": no English name"));
    if (!validPoint(c.representativePoint) || !validPoint(c.populationCenter))
      return fail(error, where + QStringLiteral(": invalid coordinates"));
    QVector<geo::GeoPolygon> polygons;
    for (const QJsonValue &pv : o.value(QLatin1String("polygons")).toArray()) {
      QVector<geo::GeoRing> rings;
      for (const QJsonValue &rv : pv.toArray()) {
        const QJsonArray flat = rv.toArray();
        if (flat.size() % 2 != 0)
          return fail(error, where + QStringLiteral(": ring with an odd number of values"));
        for (const QJsonValue &v : flat)
          if (!v.isDouble() || std::abs(v.toDouble()) > 360.0 * scale)
            return fail(error, where + QStringLiteral(": invalid ring coordinate"));
        rings.push_back(ringFromJson(flat, scale));
      }
      if (!rings.isEmpty())
        polygons.push_back(geo::GeoPolygon(std::move(rings)));
    }
    c.borders = geo::GeoMultiPolygon(std::move(polygons));
    if (out.m_countryIndex.contains(c.code2.toUpper()) || out.m_countryIndex.contains(c.code3.toUpper()))
      return fail(error, where + QStringLiteral(": duplicate country code"));
    out.m_countryIndex.insert(c.code2.toUpper(), int(out.m_countries.size()));
    out.m_countryIndex.insert(c.code3.toUpper(), int(out.m_countries.size()));
    out.m_countries.push_back(std::move(c));
  }
  return true;
}

bool GazetteerLoader::parseRegions(const QByteArray &tsv, const QString &fileName, Gazetteer &out,
                                   QString *error) {
  QVector<TsvRow> rows;
  if (!readTsv(tsv, fileName, {"code", "country", "name", "lat", "lon", "population", "cities"}, rows, error))
    return false;
  out.m_regions.reserve(rows.size());
  for (const TsvRow &row : rows) {
    const auto &f = row.fields;
    Region r;
    r.code = QString::fromUtf8(f[0]);
    r.countryCode = QString::fromUtf8(f[1]);
    r.name = QString::fromUtf8(f[2]);
    qint64 places = 0;
    const QString where = QStringLiteral("%1:%2").arg(fileName).arg(row.line);
    if (!toDouble(f[3], r.center.lat) || !toDouble(f[4], r.center.lon) || !validPoint(r.center))
      return fail(error, where + QStringLiteral(": invalid coordinates"));
    if (!toInt64(f[5], r.population) || !toInt64(f[6], places) || r.population < 0)
      return fail(error, where + QStringLiteral(": invalid population or place count"));
    r.placeCount = int(places);
    if (!out.m_countryIndex.contains(r.countryCode.toUpper()))
      return fail(error, where + QStringLiteral(": unknown country '%1'").arg(r.countryCode));
    if (r.code.isEmpty() || out.m_regionIndex.contains(r.code.toUpper()))
      return fail(error, where + QStringLiteral(": empty or duplicate region code '%1'").arg(r.code));
    out.m_regionIndex.insert(r.code.toUpper(), int(out.m_regions.size()));
    out.m_regions.push_back(std::move(r));
  }
  return true;
}

bool GazetteerLoader::parseCities(const QByteArray &tsv, const QString &fileName, Gazetteer &out,
                                  QString *error) {
  QVector<TsvRow> rows;
  if (!readTsv(tsv, fileName,
               {"geonameid", "name", "ascii", "country", "region", "lat", "lon", "population", "feature"},
               rows, error))
    return false;
  out.m_cities.reserve(rows.size());
  for (const TsvRow &row : rows) {
    const auto &f = row.fields;
    City c;
    const QString where = QStringLiteral("%1:%2").arg(fileName).arg(row.line);
    if (!toInt64(f[0], c.geonameId))
      return fail(error, where + QStringLiteral(": invalid geonameid"));
    c.name = QString::fromUtf8(f[1]);
    c.asciiName = QString::fromUtf8(f[2]);
    c.countryCode = QString::fromUtf8(f[3]);
    c.regionCode = QString::fromUtf8(f[4]);
    c.featureCode = QString::fromUtf8(f[8]);
    if (c.name.isEmpty())
      return fail(error, where + QStringLiteral(": empty name"));
    if (!toDouble(f[5], c.location.lat) || !toDouble(f[6], c.location.lon) || !validPoint(c.location))
      return fail(error, where + QStringLiteral(": invalid coordinates"));
    if (!toInt64(f[7], c.population) || c.population < 0)
      return fail(error, where + QStringLiteral(": invalid population"));
    if (!out.m_countryIndex.contains(c.countryCode.toUpper()))
      return fail(error, where + QStringLiteral(": unknown country '%1'").arg(c.countryCode));
    if (!c.regionCode.isEmpty() && !out.m_regionIndex.contains(c.regionCode.toUpper()))
      return fail(error, where + QStringLiteral(": unknown region '%1'").arg(c.regionCode));
    if (out.m_cityIndex.contains(c.geonameId))
      return fail(error, where + QStringLiteral(": duplicate geonameid %1").arg(c.geonameId));
    out.m_cityIndex.insert(c.geonameId, int(out.m_cities.size()));
    out.m_cities.push_back(std::move(c));
  }
  return true;
}

bool GazetteerLoader::parseContinents(const QByteArray &tsv, const QString &fileName, Gazetteer &out,
                                      QString *error) {
  QVector<TsvRow> rows;
  if (!readTsv(tsv, fileName, {"country", "continent", "continent_name"}, rows, error))
    return false;
  for (const TsvRow &row : rows) {
    const auto &f = row.fields;
    const QString code = QString::fromUtf8(f[0]).toUpper();
    const auto it = out.m_countryIndex.constFind(code);
    if (it == out.m_countryIndex.constEnd())
      return fail(error, QStringLiteral("%1:%2: unknown country '%3'").arg(fileName).arg(row.line).arg(code));
    out.m_countries[*it].continent = QString::fromUtf8(f[1]);
    out.m_countries[*it].continentName = QString::fromUtf8(f[2]);
  }
  return true;
}

std::shared_ptr<const Gazetteer> GazetteerLoader::load(const QString &path, QString *error) {
  const QFileInfo info(path);
  if (!info.exists()) {
    fail(error, QStringLiteral("%1: gazetteer folder not found").arg(path));
    return nullptr;
  }
  const QDir dir = info.isDir() ? QDir(info.filePath()) : info.dir();
  auto readFile = [&](const char *name, QByteArray &data) {
    const QString file = dir.filePath(QString::fromLatin1(name));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
      return fail(error, QStringLiteral("%1: cannot open: %2").arg(file, f.errorString()));
    data = f.readAll();
    return true;
  };
  std::shared_ptr<Gazetteer> g(new Gazetteer);
  QByteArray data;
  if (!readFile(Gazetteer::kCountriesFile, data) ||
      !parseCountries(data, dir.filePath(QString::fromLatin1(Gazetteer::kCountriesFile)), *g, error))
    return nullptr;
  if (!readFile(Gazetteer::kRegionsFile, data) ||
      !parseRegions(data, dir.filePath(QString::fromLatin1(Gazetteer::kRegionsFile)), *g, error))
    return nullptr;
  if (!readFile(Gazetteer::kCitiesFile, data) ||
      !parseCities(data, dir.filePath(QString::fromLatin1(Gazetteer::kCitiesFile)), *g, error))
    return nullptr;
  if (QFileInfo::exists(dir.filePath(QString::fromLatin1(Gazetteer::kContinentsFile))) &&
      (!readFile(Gazetteer::kContinentsFile, data) ||
       !parseContinents(data, dir.filePath(QString::fromLatin1(Gazetteer::kContinentsFile)), *g, error)))
    return nullptr;
  g->buildIndexes();
  return g;
}

} // namespace streetlens::gazetteer
