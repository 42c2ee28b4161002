#pragma once
// SunBand: the places where the sun stood at a measured elevation (and, optionally, in a measured
// direction) at a known moment — the chronolocation evidence of a shadow. An object of height H
// casting a shadow of length L on flat ground has the sun at elevation atan(H / L) = atan(1 / R)
// for the shadow ratio R = L / H; at a given UTC moment only a ring of the Earth had the sun there.
// The band keeps the points whose apparent (refraction-corrected) sun elevation is within the
// tolerance of the measured one; a shadow direction (when north is known in the photo) keeps
// those whose sun azimuth is within its tolerance of the direction opposite the shadow.
// Assumes flat, level ground and a vertical object. A plain value (the moment's ephemeris is
// computed once); any thread.
#include "core/geo/GeoPolygon.h"
#include "core/geo/SolarPosition.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace streetlens::geo {

struct SunObservation {
  QDateTime time;     // the moment, with its zone (converted to UTC for the sun)
  QString timeSource; // where the moment comes from: "EXIF DateTimeOriginal + OffsetTimeOriginal", ...
  double elevationDeg = 45.0;             // the sun's measured apparent elevation
  std::optional<double> shadowRatio;      // shadow length / object height, when it was measured so
  double toleranceDeg = 1.0;              // of the elevation
  std::optional<double> shadowAzimuthDeg; // direction the shadow points, clockwise from north
  double azimuthToleranceDeg = 10.0;
};

class SunBand {
public:
  SunBand() = default;
  explicit SunBand(SunObservation observation);
  const SunObservation &observation() const { return m_obs; }
  // The sun's azimuth that the shadow implies (opposite the shadow), when a direction was given.
  std::optional<double> sunAzimuthDeg() const;
  bool contains(GeoPoint p) const;
  // "sun 39.81° ± 1° (shadow ratio 1.2) at 2024-06-21T09:30:00Z (time: --sun-time)".
  QString describe() const;
  // The cells of a regular grid of `gridDeg` degrees whose centre is in the band, merged along
  // each row into rectangles no wider than 90° of longitude.
  GeoMultiPolygon toMultiPolygon(double gridDeg) const;

private:
  SunObservation m_obs;
  SunEphemeris m_ephemeris;
};

// atan(1 / ratio) in degrees; ratio must be positive and finite.
double elevationFromShadowRatio(double ratio);

// ISO 8601 date and time with its zone: "2024-06-21T09:30:00Z", "2024-06-21T11:30+02:00",
// "2024-06-21 11:30:00.5-0330". A time without a zone is an error (the sun's position depends on
// the moment, and a clock time alone does not fix it), as is anything else that is not a valid
// date and time.
std::optional<QDateTime> parseZonedTime(const QString &text, QString *error);
// The moment as ISO 8601 with its offset ("2024-06-21T11:30:00+02:00", "...Z" for UTC).
QString zonedTimeText(const QDateTime &time);

// A GeoJSON Feature whose geometry is the band's MultiPolygon on a grid of `gridDeg` degrees and
// whose properties record the observation (time, time source, elevation, tolerance, ratio, azimuth).
QByteArray sunBandGeoJson(const SunBand &band, double gridDeg);

} // namespace streetlens::geo
