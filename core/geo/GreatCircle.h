#pragma once
// Great-circle geometry on a sphere of radius kEarthRadiusKm: distance, bearing, interpolation
// and the probability-weighted spherical mean. Free functions, pure, any thread.
#include "core/geo/GeoPoint.h"

#include <QVector>
#include <optional>
#include <span>

namespace streetlens::geo {

// Haversine distance in km (numerically stable for tiny and near-antipodal separations).
double haversineKm(GeoPoint a, GeoPoint b);

// Initial bearing (forward azimuth) from `from` towards `to`, degrees clockwise from north in
// [0, 360). 0 when the points coincide.
double initialBearingDeg(GeoPoint from, GeoPoint to);

// Point at fraction t (0 = a exactly, 1 = b exactly; t outside [0, 1] extrapolates) along the shorter great
// circle from a to b. For antipodal points every great circle is shortest; this one leaves a northwards along
// a's meridian (or along lon 0/180 when a is within ~25 degrees of a pole).
GeoPoint interpolate(GeoPoint a, GeoPoint b, double t);

// count points (>= 2, else {a, b}) evenly spaced along the great circle from a to b, both ends
// included. Longitudes are unwrapped (consecutive points differ by < 180 degrees; values may leave
// [-180, 180]) so a polyline crossing the antimeridian can be drawn without a jump.
QVector<GeoPoint> greatCirclePath(GeoPoint a, GeoPoint b, int count);

// Spherical (vector) mean of weighted points: the normalised sum of weight * unit vector.
// Negative or non-finite weights are ignored. Empty when no positive weight is given, when the
// spans differ in size, or when the weighted vectors cancel out (e.g. two antipodes).
std::optional<GeoPoint> sphericalMean(std::span<const GeoPoint> points, std::span<const double> weights);

} // namespace streetlens::geo
