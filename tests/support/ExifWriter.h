#pragma once
// Test-only: writes EXIF GPS and capture-time tags into an image file with exiv2 (the product never writes
// metadata). Test thread only.
#include <QString>

namespace streetlens::test {

// Sets GPSLatitude/Longitude (+ refs) from decimal degrees as degree/minute/centi-second rationals.
// Returns false (and leaves the file unchanged) when exiv2 cannot write the file.
bool writeExifGps(const QString &path, double lat, double lon);
// Sets DateTimeOriginal ("2024:06:21 11:30:00") and, when not empty, OffsetTimeOriginal ("+02:00").
bool writeExifTime(const QString &path, const QString &dateTimeOriginal, const QString &offsetTimeOriginal);

} // namespace streetlens::test
