#include "core/geo/SunBand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace streetlens::geo {

namespace {

// Smallest difference of two directions in degrees, [0, 180].
double angleBetween(double a, double b) {
  const double d = std::fmod(std::fabs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

QString number(double v) {
  return QLocale(QLocale::English).toString(v, 'g', 6);
}

double rounded(double v) {
  return std::round(v * 1e6) / 1e6;
}

} // namespace

SunBand::SunBand(SunObservation observation)
    : m_obs(std::move(observation)), m_ephemeris(sunEphemeris(m_obs.time)) {}

std::optional<double> SunBand::sunAzimuthDeg() const {
  if (!m_obs.shadowAzimuthDeg)
    return std::nullopt;
  return std::fmod(*m_obs.shadowAzimuthDeg + 180.0, 360.0);
}

bool SunBand::contains(GeoPoint p) const {
  const SunPosition s = sunPosition(m_ephemeris, p);
  if (std::fabs(s.elevationDeg - m_obs.elevationDeg) > m_obs.toleranceDeg)
    return false;
  if (const auto az = sunAzimuthDeg())
    return angleBetween(s.azimuthDeg, *az) <= m_obs.azimuthToleranceDeg;
  return true;
}

QString SunBand::describe() const {
  QString text = QStringLiteral("sun %1° ± %2°").arg(number(m_obs.elevationDeg), number(m_obs.toleranceDeg));
  if (m_obs.shadowRatio)
    text += QStringLiteral(" (shadow ratio %1)").arg(number(*m_obs.shadowRatio));
  if (m_obs.shadowAzimuthDeg)
    text += QStringLiteral(", shadow towards %1° ± %2°")
                .arg(number(*m_obs.shadowAzimuthDeg), number(m_obs.azimuthToleranceDeg));
  text += QStringLiteral(" at %1").arg(zonedTimeText(m_obs.time));
  if (!m_obs.timeSource.isEmpty())
    text += QStringLiteral(" (time: %1)").arg(m_obs.timeSource);
  return text;
}

GeoMultiPolygon SunBand::toMultiPolygon(double gridDeg) const {
  const int rows = std::max(1, int(std::lround(180.0 / gridDeg)));
  const int cols = std::max(1, int(std::lround(360.0 / gridDeg)));
  const double dLat = 180.0 / rows, dLon = 360.0 / cols;
  const int maxRun = std::max(1, int(std::floor(90.0 / dLon)));
  QVector<GeoPolygon> cells;
  auto addRun = [&](int r, int c0, int c1) { // cells c0..c1-1 of row r
    const double north = rounded(90.0 - r * dLat), south = rounded(90.0 - (r + 1) * dLat);
    const double west = rounded(-180.0 + c0 * dLon), east = rounded(-180.0 + c1 * dLon);
    cells.push_back(
        GeoPolygon({GeoRing::fromPoints({{south, west}, {south, east}, {north, east}, {north, west}})}));
  };
  for (int r = 0; r < rows; ++r) {
    const double lat = 90.0 - (r + 0.5) * dLat;
    int start = -1;
    for (int c = 0; c <= cols; ++c) {
      const bool in = c < cols && contains({lat, -180.0 + (c + 0.5) * dLon});
      if (in && start < 0)
        start = c;
      if (start >= 0 && (!in || c - start == maxRun)) {
        addRun(r, start, c);
        start = in ? c : -1;
      }
    }
  }
  return GeoMultiPolygon(cells);
}

double elevationFromShadowRatio(double ratio) {
  return radToDeg(std::atan2(1.0, ratio));
}

std::optional<QDateTime> parseZonedTime(const QString &text, QString *error) {
  static const QRegularExpression re(QStringLiteral(
      R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
  const QString t = text.trimmed();
  const auto m = re.match(t);
  if (!m.hasMatch()) {
    *error = QStringLiteral("'%1' is not an ISO 8601 date and time (e.g. 2024-06-21T09:30:00Z or "
                            "2024-06-21T11:30:00+02:00)")
                 .arg(text);
    return std::nullopt;
  }
  if (m.captured(8).isEmpty()) {
    *error =
        QStringLiteral("'%1' has no time zone: add Z for UTC or the offset of the place's clock "
                       "(e.g. %1+02:00); the sun's position depends on the moment, not on the clock time")
            .arg(text);
    return std::nullopt;
  }
  const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
  const QString frac = m.captured(7);
  const int ms = frac.isEmpty() ? 0 : int(std::lround(QStringLiteral("0.%1").arg(frac).toDouble() * 1000.0));
  const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), std::min(ms, 999));
  if (!date.isValid() || !time.isValid()) {
    *error = QStringLiteral("'%1' is not a valid date and time").arg(text);
    return std::nullopt;
  }
  const QString zone = m.captured(8);
  if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0)
    return QDateTime(date, time, QTimeZone::utc());
  const QString digits = QString(zone.mid(1)).remove(QLatin1Char(':'));
  const int hours = digits.left(2).toInt(), minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
  if (hours > 14 || minutes >= 60) {
    *error = QStringLiteral("'%1': the offset %2 is out of range (-14:00 to +14:00)").arg(text, zone);
    return std::nullopt;
  }
  const int offset = (zone.startsWith(QLatin1Char('-')) ? -1 : 1) * (hours * 3600 + minutes * 60);
  return QDateTime(date, time, QTimeZone(offset));
}

QString zonedTimeText(const QDateTime &time) {
  if (time.offsetFromUtc() == 0)
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
  return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

QByteArray sunBandGeoJson(const SunBand &band, double gridDeg) {
  const SunObservation &o = band.observation();
  QJsonArray polygons;
  const GeoMultiPolygon cells = band.toMultiPolygon(gridDeg);
  for (const GeoPolygon &poly : cells.polygons()) {
    QJsonArray ring;
    const QVector<GeoPoint> &pts = poly.outer().points();
    for (qsizetype i = 0; i <= pts.size(); ++i) {
      const GeoPoint &p = pts[i % pts.size()];
      ring.append(QJsonArray{rounded(p.lon), rounded(p.lat)});
    }
    polygons.append(QJsonArray{ring});
  }
  QJsonObject props{{QStringLiteral("time"), zonedTimeText(o.time)},
                    {QStringLiteral("time_utc"), zonedTimeText(o.time.toUTC())},
                    {QStringLiteral("time_source"), o.timeSource},
                    {QStringLiteral("elevation_deg"), o.elevationDeg},
                    {QStringLiteral("tolerance_deg"), o.toleranceDeg},
                    {QStringLiteral("grid_deg"), gridDeg},
                    {QStringLiteral("description"), band.describe()}};
  if (o.shadowRatio)
    props.insert(QStringLiteral("shadow_ratio"), *o.shadowRatio);
  if (o.shadowAzimuthDeg) {
    props.insert(QStringLiteral("shadow_azimuth_deg"), *o.shadowAzimuthDeg);
    props.insert(QStringLiteral("azimuth_tolerance_deg"), o.azimuthToleranceDeg);
  }
  const QJsonObject feature{
      {QStringLiteral("type"), QStringLiteral("Feature")},
      {QStringLiteral("properties"), props},
      {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("MultiPolygon")},
                                               {QStringLiteral("coordinates"), polygons}}}};
  return QJsonDocument(feature).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace streetlens::geo
