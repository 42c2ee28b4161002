#pragma once
// GazetteerLoader: parses the gazetteer files into a Gazetteer (internal to core/gazetteer; use
// Gazetteer::load()). Stateless; any thread.
#include "core/gazetteer/Gazetteer.h"

#include <QByteArray>
#include <QString>

namespace streetlens::gazetteer {

class GazetteerLoader {
public:
  // Each returns false and sets *error ("<file>: <problem>") on malformed input.
  static bool parseCountries(const QByteArray &json, const QString &fileName, Gazetteer &out, QString *error);
  static bool parseRegions(const QByteArray &tsv, const QString &fileName, Gazetteer &out, QString *error);
  static bool parseContinents(const QByteArray &tsv, const QString &fileName, Gazetteer &out, QString *error);
  static bool parseCities(const QByteArray &tsv, const QString &fileName, Gazetteer &out, QString *error);
  static std::shared_ptr<const Gazetteer> load(const QString &path, QString *error);
};

} // namespace streetlens::gazetteer
