#pragma once
// Web Mercator (EPSG:3857) forward and inverse projection, as used by slippy-map tiles.
// "World" coordinates are normalised to [0, 1] x [0, 1] with (0, 0) at the north-west corner
// (lon -180, lat +85.05112878) and y growing southwards, like tile pixels; "metres" are EPSG:3857
// easting/northing on the 6378137 m sphere with y growing northwards. Longitudes are not wrapped:
// lon 190 maps to x > 1, so unwrapped rings can be drawn across the antimeridian. Latitudes are
// clamped to +-kMaxLatitude. Pure functions, any thread.
#include "core/geo/GeoPoint.h"

#include <QPointF>

namespace streetlens::geo::mercator {

inline constexpr double kMaxLatitude = 85.05112878;
inline constexpr double kEarthRadiusM = 6378137.0;
// Half the width of the projected world in metres (pi * R).
inline constexpr double kOriginShiftM = kPi * kEarthRadiusM;

// Latitude clamped to [-kMaxLatitude, kMaxLatitude] (NaN stays NaN).
double clampLatitude(double lat);

QPointF toWorld(GeoPoint p);
GeoPoint fromWorld(QPointF world);

QPointF toMeters(GeoPoint p);
GeoPoint fromMeters(QPointF meters);

} // namespace streetlens::geo::mercator
