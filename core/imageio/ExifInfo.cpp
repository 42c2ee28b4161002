#include "core/imageio/ExifInfo.h"

#include "core/imageio/Exiv2Compat.h"
#include "core/imageio/ImageProbe.h"

#include <QTimeZone>
#include <cmath>
#include <limits>
#include <mutex>
#include <utility>

namespace streetlens {

namespace {

namespace compat = exiv2compat;

void initExiv2Once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // exiv2 prints warnings for every odd file to stderr; corrupt input is expected here.
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    // Required once before concurrent use (XMP toolkit initialisation is not thread-safe).
    Exiv2::XmpParser::initialize();
  });
}

const Exiv2::Exifdatum *find(const Exiv2::ExifData &data, const Exiv2::ExifKey &key) {
  auto it = data.findKey(key);
  return it == data.end() ? nullptr : &*it;
}

const Exiv2::Exifdatum *find(const Exiv2::ExifData &data, const char *key) {
  return find(data, Exiv2::ExifKey(key));
}

bool isRational(const Exiv2::Exifdatum &d) {
  return d.typeId() == Exiv2::unsignedRational || d.typeId() == Exiv2::signedRational;
}

// Component i of a rational tag as a non-negative double; nullopt for a zero or negative denominator
// or a negative numerator (unsigned rationals above 2^31 read back as negative, too big anyway).
std::optional<double> rationalAt(const Exiv2::Exifdatum &d, compat::Index i) {
  if (!isRational(d) || i >= compat::count(d))
    return std::nullopt;
  const Exiv2::Rational r = d.toRational(i);
  if (r.second <= 0 || r.first < 0)
    return std::nullopt;
  return double(r.first) / double(r.second);
}

// Degrees/minutes/seconds (1 to 3 components) as decimal degrees, rounded once: the components
// are summed exactly as one fraction and divided last. Adding 2 + 21/60 + 7.92/3600 in doubles
// gives 2.3522000000000003, which every export then prints; 846792/360000 rounds to 2.3522, the
// decimal that was written into the file.
std::optional<double> dmsDegrees(const Exiv2::Exifdatum *d) {
  if (!d || !isRational(*d) || compat::count(*d) < 1)
    return std::nullopt;
  // 3 components of 32-bit numerators and denominators times 3600 fit (__extension__: GCC's and
  // Clang's 128-bit integer, which -Wpedantic would otherwise flag).
  __extension__ typedef __int128 Wide;
  Wide num = 0, den = 1;
  const int scales[] = {1, 60, 3600};
  for (compat::Index i = 0; i < std::min<compat::Index>(compat::count(*d), 3); ++i) {
    const Exiv2::Rational r = d->toRational(i);
    if (r.second <= 0 || r.first < 0) // as rationalAt: no zero or negative denominator or numerator
      return std::nullopt;
    const Wide partDen = Wide(r.second) * scales[i];
    num = num * partDen + Wide(r.first) * den; // num/den + r.first/partDen
    den *= partDen;
    Wide a = num, b = den; // keep the fraction reduced
    while (b != 0)
      a = std::exchange(b, a % b);
    if (a > 1) {
      num /= a;
      den /= a;
    }
  }
  constexpr Wide kExact = Wide(1) << 53; // both exact as doubles: one correctly rounded division
  if (num < kExact && den < kExact)
    return double(num) / double(den);
  return double(static_cast<long double>(num) / static_cast<long double>(den));
}

QString asciiValue(const Exiv2::Exifdatum *d) {
  if (!d)
    return {};
  QString s = QString::fromUtf8(d->toString().c_str()); // stops at the first NUL
  s = s.left(256).trimmed();
  return s;
}

// Sign from a reference tag: +1 for `positive`, -1 for `negative`, +1 when the tag is absent,
// 0 when present but invalid.
int refSign(const Exiv2::Exifdatum *d, QChar positive, QChar negative) {
  if (!d)
    return 1;
  const QString s = asciiValue(d).toUpper();
  if (s.startsWith(positive))
    return 1;
  if (s.startsWith(negative))
    return -1;
  return 0;
}

QDateTime gpsTime(const Exiv2::ExifData &data) {
  const QString dateText = asciiValue(find(data, "Exif.GPSInfo.GPSDateStamp"));
  const Exiv2::Exifdatum *t = find(data, "Exif.GPSInfo.GPSTimeStamp");
  if (dateText.isEmpty() || !t || compat::count(*t) < 3)
    return {};
  const QDate date = QDate::fromString(dateText.left(10), QStringLiteral("yyyy:MM:dd"));
  const auto h = rationalAt(*t, 0), m = rationalAt(*t, 1), s = rationalAt(*t, 2);
  if (!date.isValid() || !h || !m || !s || *h >= 24 || *m >= 60 || *s >= 61)
    return {};
  const int ms = int(std::floor(*s * 1000.0));
  const QTime time(int(*h), int(*m), std::min(ms / 1000, 59), ms % 1000);
  if (!time.isValid())
    return {};
  return QDateTime(date, time, QTimeZone::utc());
}

std::optional<GpsFix> readGps(const Exiv2::ExifData &data) {
  const auto lat = dmsDegrees(find(data, "Exif.GPSInfo.GPSLatitude"));
  const auto lon = dmsDegrees(find(data, "Exif.GPSInfo.GPSLongitude"));
  if (!lat || !lon)
    return std::nullopt;
  const int latSign = refSign(find(data, "Exif.GPSInfo.GPSLatitudeRef"), u'N', u'S');
  const int lonSign = refSign(find(data, "Exif.GPSInfo.GPSLongitudeRef"), u'E', u'W');
  if (latSign == 0 || lonSign == 0 || *lat > 90.0 || *lon > 180.0)
    return std::nullopt;
  GpsFix fix;
  fix.lat = latSign * *lat;
  fix.lon = lonSign * *lon;
  if (const Exiv2::Exifdatum *alt = find(data, "Exif.GPSInfo.GPSAltitude")) {
    if (const auto metres = rationalAt(*alt, 0)) {
      const Exiv2::Exifdatum *ref = find(data, "Exif.GPSInfo.GPSAltitudeRef");
      const bool below = ref && compat::count(*ref) >= 1 && compat::integerAt(*ref, 0) == 1;
      fix.altitude = below ? -*metres : *metres;
    }
  }
  fix.time = gpsTime(data);
  return fix;
}

// "+09:00" / "-05:30" as seconds east of UTC.
std::optional<int> parseOffset(const QString &s) {
  if (s.size() < 6 || (s[0] != u'+' && s[0] != u'-') || s[3] != u':')
    return std::nullopt;
  bool okH = false, okM = false;
  const int h = s.mid(1, 2).toInt(&okH), m = s.mid(4, 2).toInt(&okM);
  if (!okH || !okM || h > 14 || m >= 60)
    return std::nullopt;
  return (s[0] == u'-' ? -1 : 1) * (h * 3600 + m * 60);
}

QDateTime takenTime(const Exiv2::ExifData &data) {
  const char *keys[] = {"Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Image.DateTime"};
  for (int k = 0; k < 3; ++k) {
    const char *key = keys[k];
    const QString text = asciiValue(find(data, key));
    if (text.size() < 19)
      continue;
    const QDateTime local = QDateTime::fromString(text.left(19), QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!local.isValid())
      continue;
    if (k == 0) {
      const auto offset = parseOffset(asciiValue(find(data, Exiv2::ExifKey(0x9011, "Photo"))));
      if (offset)
        return QDateTime(local.date(), local.time(), QTimeZone(*offset));
    }
    return local;
  }
  return {};
}

// Runs one extraction step; a throwing step leaves its field at the default and the others intact.
template <class F> void guarded(F &&step) {
  try {
    step();
  } catch (...) {
  }
}

void readInto(const Exiv2::ExifData &data, ExifInfo &info) {
  guarded([&] {
    if (const Exiv2::Exifdatum *o = find(data, "Exif.Image.Orientation"); o && compat::count(*o) >= 1) {
      const int64_t v = compat::integerAt(*o, 0);
      if (v >= 1 && v <= 8)
        info.orientation = int(v);
    }
  });
  guarded([&] { info.cameraMake = asciiValue(find(data, "Exif.Image.Make")); });
  guarded([&] { info.cameraModel = asciiValue(find(data, "Exif.Image.Model")); });
  guarded([&] { info.taken = takenTime(data); });
  guarded([&] { info.gps = readGps(data); });
}

} // namespace

ExifInfo readExif(const QByteArray &fileBytes) {
  ExifInfo info;
  const ImageFormat format = sniffImageFormat(fileBytes);
  if (format != ImageFormat::Jpeg && format != ImageFormat::Png && format != ImageFormat::WebP &&
      format != ImageFormat::Tiff)
    return info;
  if (qint64(fileBytes.size()) > qint64(std::numeric_limits<long>::max()))
    return info;
  try {
    initExiv2Once();
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(fileBytes.constData()),
                                           static_cast<compat::BufferSize>(fileBytes.size()));
    if (!image.get())
      return info;
    image->readMetadata();
    readInto(image->exifData(), info);
  } catch (const compat::Error &) {
    return ExifInfo{};
  } catch (const std::exception &) {
    return ExifInfo{};
  } catch (...) {
    return ExifInfo{};
  }
  return info;
}

std::optional<CaptureMoment> captureMoment(const ExifInfo &exif) {
  if (exif.taken.isValid() && exif.taken.timeSpec() != Qt::LocalTime)
    return CaptureMoment{exif.taken, QStringLiteral("EXIF DateTimeOriginal + OffsetTimeOriginal")};
  if (exif.gps && exif.gps->time.isValid())
    return CaptureMoment{exif.gps->time, QStringLiteral("EXIF GPS time (UTC)")};
  return std::nullopt;
}

} // namespace streetlens
