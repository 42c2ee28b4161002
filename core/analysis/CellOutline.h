#pragma once
// CellOutline: the outline of a set of grid cells on lon/lat as GeoJSON-style polygons — outer
// rings counter-clockwise, holes clockwise, collinear vertices merged; cells touching only at a
// corner become separate rings. Pure function; any thread.
#include "core/geo/GeoPoint.h"

#include <QVector>
#include <cstdint>
#include <vector>

namespace streetlens {

// `bits` is a rows x cols row-major mask (non-zero = in the set) of cells `cellDeg` wide whose
// top-left cell is at grid row `row0` (from lat 90 southwards) and column `col0` (from lon -180
// eastwards).
QVector<QVector<QVector<geo::GeoPoint>>> outlineCells(const std::vector<uint8_t> &bits, int rows, int cols,
                                                      int row0, int col0, double cellDeg);

} // namespace streetlens
