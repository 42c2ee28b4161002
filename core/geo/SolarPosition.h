#pragma once
// Solar position: where the sun stands in the sky for a moment and a place — elevation above the
// horizon (with and without atmospheric refraction) and azimuth (clockwise from true north).
// The equations are NOAA's solar calculator's, which are Jean Meeus' "Astronomical Algorithms"
// (2nd ed., chapters 25 and 28, low-accuracy theory): the sun's apparent longitude with the
// equation of the centre, nutation and aberration approximated, the obliquity of the ecliptic, the
// declination and the equation of time. Universal time is used for dynamical time (ΔT, about a
// minute today, moves the sun by under 0.001°). Accuracy: about 0.01° in elevation and azimuth for
// 1800-2200, worsening slowly outside. The Earth is a sphere here (geodetic latitude is used
// as given; the parallax of the sun, 0.0024°, is ignored).
// Pure functions of plain values; any thread.
#include "core/geo/GeoPoint.h"

#include <QDateTime>

namespace streetlens::geo {

// Julian Day of a moment (any time zone; proleptic Gregorian calendar, as QDateTime counts it).
double julianDay(const QDateTime &time);

// The part of the sun's position that depends only on the moment.
struct SunEphemeris {
  double julianDay = 0;
  double apparentLongitudeDeg = 0; // ecliptic, of date
  double obliquityDeg = 0;         // true obliquity of the ecliptic
  double rightAscensionDeg = 0;    // [0, 360)
  double declinationDeg = 0;
  double equationOfTimeMin = 0; // apparent minus mean solar time, minutes
  double utcMinutes = 0;        // minutes since 00:00 UTC of the moment's day
};
SunEphemeris sunEphemeris(const QDateTime &time);

struct SunPosition {
  double trueElevationDeg = 0; // geometric, no atmosphere
  double elevationDeg = 0;     // apparent: trueElevationDeg + atmosphericRefractionDeg(...)
  double azimuthDeg = 0;       // clockwise from true north, [0, 360)
  double hourAngleDeg = 0;     // local hour angle, (-180, 180], negative in the morning
};
SunPosition sunPosition(const SunEphemeris &ephemeris, GeoPoint place);
SunPosition sunPosition(const QDateTime &time, GeoPoint place);

// The point where the sun is at the zenith (geometric).
GeoPoint subsolarPoint(const SunEphemeris &ephemeris);

// How much the atmosphere lifts the sun's image, in degrees, at a true elevation (NOAA's
// piecewise fit to the refraction of a standard atmosphere, 1010 hPa and 10 °C: 0.57° at the
// horizon, 0.1° at 9°, 0.016° at 45°, none above 85°). Below a true elevation of -0.575° the sun
// cannot be seen and nothing is added.
double atmosphericRefractionDeg(double trueElevationDeg);

} // namespace streetlens::geo
