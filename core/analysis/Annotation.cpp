#include "core/analysis/Annotation.h"

#include "core/geo/GreatCircle.h"

namespace streetlens {

QString verdictName(Verdict v) {
  switch (v) {
  case Verdict::Confirmed:
    return QStringLiteral("confirmed");
  case Verdict::Rejected:
    return QStringLiteral("rejected");
  case Verdict::Unsure:
    return QStringLiteral("unsure");
  case Verdict::None:
    break;
  }
  return {};
}

std::optional<Verdict> verdictFromName(const QString &name) {
  const QString n = name.trimmed().toLower();
  for (Verdict v : {Verdict::None, Verdict::Confirmed, Verdict::Rejected, Verdict::Unsure}) {
    if (verdictName(v) == n)
      return v;
  }
  return std::nullopt;
}

std::optional<double> Annotation::truthErrorKm(const std::optional<geo::GeoPoint> &estimate) const {
  if (!truth || !estimate)
    return std::nullopt;
  return geo::haversineKm(*estimate, *truth);
}

QJsonObject annotationToJson(const Annotation &a) {
  QJsonObject o;
  if (a.verdict != Verdict::None)
    o.insert(QStringLiteral("verdict"), verdictName(a.verdict));
  if (!a.note.trimmed().isEmpty())
    o.insert(QStringLiteral("note"), a.note);
  if (a.truth)
    o.insert(QStringLiteral("truth"),
             QJsonObject{{QStringLiteral("lat"), a.truth->lat}, {QStringLiteral("lon"), a.truth->lon}});
  if (a.modified.isValid())
    o.insert(QStringLiteral("modified"), a.modified.toUTC().toString(Qt::ISODate));
  return o;
}

Annotation annotationFromJson(const QJsonObject &o) {
  Annotation a;
  a.verdict = verdictFromName(o.value(QStringLiteral("verdict")).toString()).value_or(Verdict::None);
  a.note = o.value(QStringLiteral("note")).toString();
  const QJsonObject t = o.value(QStringLiteral("truth")).toObject();
  if (t.value(QStringLiteral("lat")).isDouble() && t.value(QStringLiteral("lon")).isDouble()) {
    const geo::GeoPoint p{t.value(QStringLiteral("lat")).toDouble(),
                          t.value(QStringLiteral("lon")).toDouble()};
    if (p.isValid())
      a.truth = p;
  }
  a.modified = QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODate);
  return a;
}

} // namespace streetlens
