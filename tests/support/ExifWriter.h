#pragma once
// Test-only: writes EXIF GPS tags into an image file with exiv2 (the product never writes
// metadata). Test thread only.
#include <QString>

namespace streetlens::test {

// Sets GPSLatitude/Longitude (+ refs) from decimal degrees as degree/minute/centi-second rationals.
// Returns false (and leaves the file unchanged) when exiv2 cannot write the file.
bool writeExifGps(const QString &path, double lat, double lon);

} // namespace streetlens::test
