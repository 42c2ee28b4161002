#pragma once
// Annotation: what the analyst says about one photo — a verdict on the model's answer, a free
// note and a ground-truth pin dropped on the map. Not the model's output: kept per image (by
// content hash) in the project beside the results, shown in the app and written by every export.
// Plain value, any thread.
#include "core/geo/GeoPoint.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace streetlens {

enum class Verdict { None, Confirmed, Rejected, Unsure };

// "confirmed", "rejected", "unsure"; "" for None (the names used in the project and exports).
QString verdictName(Verdict v);
// The inverse of verdictName (case-insensitive); nullopt for an unknown name.
std::optional<Verdict> verdictFromName(const QString &name);

struct Annotation {
  Verdict verdict = Verdict::None;
  QString note;
  std::optional<geo::GeoPoint> truth; // where the photo was really taken, as the analyst knows it
  QDateTime modified;                 // UTC, when last changed

  bool isEmpty() const { return verdict == Verdict::None && note.trimmed().isEmpty() && !truth; }
  // Great-circle km from `estimate` to the ground-truth pin; nullopt without either.
  std::optional<double> truthErrorKm(const std::optional<geo::GeoPoint> &estimate) const;
  bool operator==(const Annotation &o) const {
    return verdict == o.verdict && note == o.note && truth == o.truth; // `modified` is not content
  }
};

// {"verdict": "confirmed"|"rejected"|"unsure" (absent: none), "note" (absent: none),
//  "truth": {"lat", "lon"} (absent: none), "modified": ISO 8601 UTC} — the project's record and
// the "annotation" object of the JSON export.
QJsonObject annotationToJson(const Annotation &a);
// The inverse; fields that are missing or malformed stay empty (an invalid pin is dropped).
Annotation annotationFromJson(const QJsonObject &o);

// Annotations of a project by image content hash (SHA-256).
using AnnotationMap = QHash<QString, Annotation>;

} // namespace streetlens
