#include "core/export/ExportTypes.h"

#include <QFileInfo>

namespace streetlens::exporting {

std::optional<ExportFormat> exportFormatFromName(const QString &name) {
  const QString n = name.trimmed().toLower();
  for (ExportFormat f : {ExportFormat::Csv, ExportFormat::Json, ExportFormat::GeoJson, ExportFormat::Kml,
                         ExportFormat::Html, ExportFormat::Pdf})
    if (exportFormatName(f) == n)
      return f;
  return std::nullopt;
}

std::optional<ExportFormat> exportFormatFromPath(const QString &path) {
  const QString ext = QFileInfo(path).suffix().toLower();
  if (ext == QStringLiteral("htm"))
    return ExportFormat::Html;
  if (ext.isEmpty())
    return std::nullopt;
  return exportFormatFromName(ext);
}

QString exportFormatName(ExportFormat fmt) {
  switch (fmt) {
  case ExportFormat::Csv:
    return QStringLiteral("csv");
  case ExportFormat::Json:
    return QStringLiteral("json");
  case ExportFormat::GeoJson:
    return QStringLiteral("geojson");
  case ExportFormat::Kml:
    return QStringLiteral("kml");
  case ExportFormat::Html:
    return QStringLiteral("html");
  case ExportFormat::Pdf:
    return QStringLiteral("pdf");
  }
  return QString();
}

QString exportFormatExtension(ExportFormat fmt) {
  return exportFormatName(fmt);
}

} // namespace streetlens::exporting
