// streetlens-cli sun, and the sun-band options of predict and eval. See docs/CLI.md.
#include "app/cli/CliSun.h"

#include "app/cli/CliCommon.h"
#include "core/imageio/ExifInfo.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <cmath>
#include <cstdio>

namespace streetlens::cli {

namespace {

std::optional<double> numberOption(const QCommandLineParser &p, const QString &name, double lo, double hi,
                                   bool openLow, const QString &what, QString *error) {
  bool ok = false;
  const double v = p.value(name).toDouble(&ok);
  if (!ok || !std::isfinite(v) || v > hi || (openLow ? v <= lo : v < lo)) {
    *error = QStringLiteral("--%1 '%2' must be %3").arg(name, p.value(name), what);
    return std::nullopt;
  }
  return v;
}

} // namespace

void addSunOptions(QCommandLineParser &p, const QString &timeOption) {
  p.addOption({timeOption,
               QStringLiteral("The moment of the photo, ISO 8601 with its zone: 2024-06-21T09:30:00Z or "
                              "2024-06-21T11:30:00+02:00 (a time without a zone is refused)."),
               QStringLiteral("TIME")});
  p.addOption({QStringLiteral("shadow-ratio"),
               QStringLiteral("Shadow length / object height, measured on flat ground: the sun stood at "
                              "atan(1/R) above the horizon."),
               QStringLiteral("R")});
  p.addOption({QStringLiteral("sun-elevation"),
               QStringLiteral("The sun's elevation in degrees, when measured otherwise (instead of "
                              "--shadow-ratio)."),
               QStringLiteral("DEG")});
  p.addOption({QStringLiteral("tolerance-deg"),
               QStringLiteral("How far the sun's elevation may be from the measured one (default 1)."),
               QStringLiteral("DEG"), QStringLiteral("1")});
  p.addOption({QStringLiteral("shadow-azimuth"),
               QStringLiteral("Direction the shadow points, degrees clockwise from true north, when north is "
                              "known: keeps only where the sun stood opposite."),
               QStringLiteral("DEG")});
  p.addOption({QStringLiteral("azimuth-tolerance-deg"),
               QStringLiteral("Tolerance of --shadow-azimuth (default 10)."), QStringLiteral("DEG"),
               QStringLiteral("10")});
}

std::optional<geo::SunObservation> sunObservationFromOptions(const QCommandLineParser &p,
                                                             const QString &timeOption, QString *error,
                                                             const QDateTime &time,
                                                             const QString &timeSource) {
  error->clear();
  const bool ratio = p.isSet(QStringLiteral("shadow-ratio")),
             angle = p.isSet(QStringLiteral("sun-elevation"));
  if (!ratio && !angle) {
    for (const char *dependent : {"shadow-azimuth"})
      if (p.isSet(QLatin1String(dependent))) {
        *error = QStringLiteral("--%1 needs --shadow-ratio or --sun-elevation").arg(QLatin1String(dependent));
        return std::nullopt;
      }
    return std::nullopt;
  }
  if (ratio && angle) {
    *error = QStringLiteral("give --shadow-ratio or --sun-elevation, not both");
    return std::nullopt;
  }
  geo::SunObservation o;
  if (time.isValid()) {
    o.time = time;
    o.timeSource = timeSource;
  } else {
    if (!p.isSet(timeOption)) {
      *error = QStringLiteral("the sun's band needs the photo's moment: give --%1 TIME with its zone "
                              "(e.g. 2024-06-21T11:30:00+02:00)")
                   .arg(timeOption);
      return std::nullopt;
    }
    QString why;
    const auto t = geo::parseZonedTime(p.value(timeOption), &why);
    if (!t) {
      *error = QStringLiteral("--%1: %2").arg(timeOption, why);
      return std::nullopt;
    }
    o.time = *t;
    o.timeSource = QStringLiteral("--%1").arg(timeOption);
  }
  if (ratio) {
    const auto r =
        numberOption(p, QStringLiteral("shadow-ratio"), 0, 1e6, true, QStringLiteral("a number > 0"), error);
    if (!r)
      return std::nullopt;
    o.shadowRatio = *r;
    o.elevationDeg = geo::elevationFromShadowRatio(*r);
  } else {
    const auto e = numberOption(p, QStringLiteral("sun-elevation"), 0, 90, true,
                                QStringLiteral("degrees above the horizon, > 0 and <= 90"), error);
    if (!e)
      return std::nullopt;
    o.elevationDeg = *e;
  }
  const auto tol = numberOption(p, QStringLiteral("tolerance-deg"), 0, 45, true,
                                QStringLiteral("degrees, > 0 and <= 45"), error);
  if (!tol)
    return std::nullopt;
  o.toleranceDeg = *tol;
  if (p.isSet(QStringLiteral("shadow-azimuth"))) {
    const auto az = numberOption(p, QStringLiteral("shadow-azimuth"), 0, 360, false,
                                 QStringLiteral("degrees clockwise from north, 0 to 360"), error);
    const auto azTol = numberOption(p, QStringLiteral("azimuth-tolerance-deg"), 0, 180, true,
                                    QStringLiteral("degrees, > 0 and <= 180"), error);
    if (!az || !azTol)
      return std::nullopt;
    o.shadowAzimuthDeg = *az;
    o.azimuthToleranceDeg = *azTol;
  }
  return o;
}

int cmdSun(const QStringList &args) {
  QCommandLineParser p;
  addSunOptions(p, QStringLiteral("time"));
  p.addOption(
      {QStringLiteral("photo"),
       QStringLiteral("Take the moment from the photo's EXIF (DateTimeOriginal with OffsetTimeOriginal, "
                      "else the GPS time) instead of --time."),
       QStringLiteral("FILE")});
  p.addOption({QStringLiteral("at"), QStringLiteral("Print the sun's elevation and azimuth at this place."),
               QStringLiteral("LAT,LON")});
  p.addOption({QStringLiteral("grid-deg"),
               QStringLiteral("Cell size of the band's grid in degrees (default 0.1)."),
               QStringLiteral("DEG"), QStringLiteral("0.1")});
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("Write the band's GeoJSON to FILE instead of stdout."),
               QStringLiteral("FILE")});
  if (int rc =
          parseOrExit(p, QStringLiteral("sun"),
                      QStringLiteral("The sun's position at a moment and place (--at), or the band of the "
                                     "Earth where it stood at a shadow's elevation (--shadow-ratio), as "
                                     "a GeoJSON MultiPolygon."),
                      args, /*needsModel=*/false);
      rc >= 0)
    return rc;
  if (!p.positionalArguments().isEmpty()) {
    printError(
        QStringLiteral("sun takes no positional arguments ('%1')").arg(p.positionalArguments().first()));
    return Usage;
  }
  // The moment: --time, or the photo's EXIF.
  QDateTime time;
  QString source;
  if (p.isSet(QStringLiteral("photo"))) {
    if (p.isSet(QStringLiteral("time"))) {
      printError(QStringLiteral("give --time or --photo, not both"));
      return Usage;
    }
    const QString path = p.value(QStringLiteral("photo"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
      printError(QStringLiteral("%1: cannot open (%2)").arg(path, f.errorString()));
      return SomeInputsFailed;
    }
    const ExifInfo exif = readExif(f.readAll());
    const auto moment = captureMoment(exif);
    if (!moment) {
      printError(
          exif.taken.isValid()
              ? QStringLiteral("%1: EXIF gives the clock time %2 but no time zone (no OffsetTimeOriginal, "
                               "no GPS time): give --time with the zone")
                    .arg(path, exif.taken.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")))
              : QStringLiteral("%1: no capture time in EXIF: give --time with its zone").arg(path));
      return SomeInputsFailed;
    }
    time = moment->time;
    source = QStringLiteral("%1 of %2").arg(moment->source, QFileInfo(path).fileName());
  }
  QString err;
  const bool atPlace = p.isSet(QStringLiteral("at"));
  const auto obs = sunObservationFromOptions(p, QStringLiteral("time"), &err, time, source);
  if (!err.isEmpty()) {
    printError(err);
    return Usage;
  }
  if (atPlace == obs.has_value()) {
    printError(atPlace
                   ? QStringLiteral("--at prints the sun's position; --shadow-ratio/--sun-elevation write a "
                                    "band: give one of them")
                   : QStringLiteral("sun needs --at LAT,LON (the sun's position) or --shadow-ratio R / "
                                    "--sun-elevation DEG (the band)"));
    return Usage;
  }
  if (atPlace) {
    if (!time.isValid()) {
      if (!p.isSet(QStringLiteral("time"))) {
        printError(QStringLiteral("sun --at needs --time TIME with its zone (or --photo FILE)"));
        return Usage;
      }
      const auto t = geo::parseZonedTime(p.value(QStringLiteral("time")), &err);
      if (!t) {
        printError(QStringLiteral("--time: %1").arg(err));
        return Usage;
      }
      time = *t;
    }
    const QStringList parts = p.value(QStringLiteral("at")).split(QLatin1Char(','));
    bool okLat = false, okLon = false;
    const geo::GeoPoint place{parts.value(0).trimmed().toDouble(&okLat),
                              parts.value(1).trimmed().toDouble(&okLon)};
    if (parts.size() != 2 || !okLat || !okLon || !place.isValid()) {
      printError(QStringLiteral("--at '%1' is not LAT,LON (latitude -90..90, longitude -180..180)")
                     .arg(p.value(QStringLiteral("at"))));
      return Usage;
    }
    const geo::SunPosition s = geo::sunPosition(time, place);
    printJsonMembers({{QStringLiteral("elevation_deg"), jsonText(std::round(s.elevationDeg * 1e4) / 1e4)},
                      {QStringLiteral("azimuth_deg"), jsonText(std::round(s.azimuthDeg * 1e4) / 1e4)}});
    return Ok;
  }
  bool okGrid = false;
  const double grid = p.value(QStringLiteral("grid-deg")).toDouble(&okGrid);
  if (!okGrid || !(grid >= 0.01 && grid <= 10)) {
    printError(QStringLiteral("--grid-deg '%1' must be degrees from 0.01 to 10")
                   .arg(p.value(QStringLiteral("grid-deg"))));
    return Usage;
  }
  const geo::SunBand band(*obs);
  const QByteArray json = geo::sunBandGeoJson(band, grid);
  const QString out = p.value(QStringLiteral("output"));
  if (out.isEmpty()) {
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
  } else {
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size() || !f.commit()) {
      printError(QStringLiteral("%1: cannot write (%2)").arg(out, f.errorString()));
      return SomeInputsFailed;
    }
  }
  return Ok;
}

} // namespace streetlens::cli
