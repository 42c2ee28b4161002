#pragma once
// The sun-and-shadow evidence of streetlens-cli: `sun` (the sun's position at a moment and place,
// or the band where it stood at a shadow's elevation, as GeoJSON) and the options predict and eval
// share to apply that band as a constraint (--sun-time, --shadow-ratio, ...). Main thread.
#include "core/geo/SunBand.h"

#include <QCommandLineParser>
#include <optional>

namespace streetlens::cli {

// --shadow-ratio, --sun-elevation, --tolerance-deg, --shadow-azimuth, --azimuth-tolerance-deg, and
// the time option named `timeOption` ("sun-time" for predict, "time" for sun).
void addSunOptions(QCommandLineParser &p, const QString &timeOption);
// The observation the options state: nullopt without an error when no measurement was given;
// nullopt with *error for bad values, a measurement without a time or a time without a zone.
// `time`, when valid, is the moment from elsewhere (a photo's EXIF) with its source.
std::optional<geo::SunObservation> sunObservationFromOptions(const QCommandLineParser &p,
                                                             const QString &timeOption, QString *error,
                                                             const QDateTime &time = {},
                                                             const QString &timeSource = {});

int cmdSun(const QStringList &args);

} // namespace streetlens::cli
