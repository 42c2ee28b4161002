#include "tests/support/ExifWriter.h"

#include <cmath>
#include <exiv2/exiv2.hpp>

namespace streetlens::test {

bool writeExifGps(const QString &path, double lat, double lon) {
  auto dms = [](double v) {
    v = std::abs(v);
    const int deg = int(v), min = int((v - deg) * 60);
    const int sec100 = int(std::lround(((v - deg) * 60 - min) * 60 * 100));
    return QStringLiteral("%1/1 %2/1 %3/100").arg(deg).arg(min).arg(sec100).toStdString();
  };
  try {
    auto image = Exiv2::ImageFactory::open(path.toStdString());
    image->readMetadata();
    Exiv2::ExifData &d = image->exifData();
    d["Exif.GPSInfo.GPSLatitudeRef"] = std::string(lat >= 0 ? "N" : "S");
    d["Exif.GPSInfo.GPSLatitude"] = dms(lat);
    d["Exif.GPSInfo.GPSLongitudeRef"] = std::string(lon >= 0 ? "E" : "W");
    d["Exif.GPSInfo.GPSLongitude"] = dms(lon);
    image->writeMetadata();
    return true;
  } catch (const std::exception &) {
    return false;
  }
}

bool writeExifTime(const QString &path, const QString &dateTimeOriginal, const QString &offsetTimeOriginal) {
  try {
    auto image = Exiv2::ImageFactory::open(path.toStdString());
    image->readMetadata();
    Exiv2::ExifData &d = image->exifData();
    d["Exif.Photo.DateTimeOriginal"] = dateTimeOriginal.toStdString();
    if (!offsetTimeOriginal.isEmpty())
      d[Exiv2::ExifKey(0x9011, "Photo").key()] = offsetTimeOriginal.toStdString();
    image->writeMetadata();
    return true;
  } catch (const std::exception &) {
    return false;
  }
}

} // namespace streetlens::test
