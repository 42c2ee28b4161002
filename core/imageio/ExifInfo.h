#pragma once
// EXIF metadata that StreetLens uses (orientation, GPS, camera, capture time), read with exiv2 in
// read-only mode. Metadata is never written back. readExif() is reentrant: callable from any thread
// concurrently (each call owns its own exiv2 image object).
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace streetlens {

struct GpsFix {
  double lat = 0, lon = 0;        // degrees, signed (S and W negative)
  std::optional<double> altitude; // metres, negative below sea level
  QDateTime time;                 // UTC from GPSDateStamp + GPSTimeStamp; invalid when absent
};

struct ExifInfo {
  int orientation = 1; // EXIF orientation 1..8 (1 when absent or out of range)
  std::optional<GpsFix> gps;
  QString cameraMake, cameraModel;
  QDateTime taken; // DateTimeOriginal (fallbacks: DateTimeDigitized, DateTime); local time unless
                   // OffsetTimeOriginal gives the UTC offset; invalid when absent
};

// The moment a photo was taken, when its EXIF fixes it in time: DateTimeOriginal with
// OffsetTimeOriginal, else the GPS time stamp (UTC). None when only a clock time without a zone is
// known, or nothing: the caller must ask for the time (and its zone).
struct CaptureMoment {
  QDateTime time;
  QString source; // "EXIF DateTimeOriginal + OffsetTimeOriginal" or "EXIF GPS time (UTC)"
};
std::optional<CaptureMoment> captureMoment(const ExifInfo &exif);

// Reads EXIF from the bytes of a whole file. Only JPEG, PNG, WebP and TIFF (by magic bytes) are handed
// to exiv2; anything else, and any parse failure, gives a default ExifInfo. Never throws.
// GPS: N/S/E/W references applied; rationals validated (zero denominators rejected, lat within
// [-90, 90], lon within [-180, 180]); an invalid fix gives no gps.
ExifInfo readExif(const QByteArray &fileBytes);

} // namespace streetlens
