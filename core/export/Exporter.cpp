#include "core/export/Exporter.h"

#include "core/export/Csv.h"
#include "core/export/ExportCommon.h"
#include "core/export/GeoJsonExport.h"
#include "core/export/HtmlReport.h"
#include "core/export/JsonExport.h"
#include "core/export/KmlExport.h"
#include "core/export/PdfReport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace streetlens::exporting {

QJsonObject modelJsonFromContext(const ReportContext &ctx) {
  QJsonObject m;
  auto put = [&m](const char *key, const QString &v) {
    if (!v.isEmpty())
      m.insert(QLatin1String(key), v);
  };
  put("name", ctx.modelName);
  put("sha256", ctx.modelSha256);
  put("precision", ctx.precision);
  put("device", ctx.device);
  return m;
}

QByteArray exportToBytes(const std::vector<ImageResult> &results, ExportFormat fmt, const ExportOptions &opt,
                         const ReportContext &ctx) {
  switch (fmt) {
  case ExportFormat::Csv: {
    ExportOptions columns = opt; // the site rows get the photos' task columns (empty cells)
    if (columns.taskColumns.empty())
      columns.taskColumns = taskColumnsOf(results);
    columns.galleryColumns = columns.galleryColumns || anyGallery(results);
    return resultsToCsv(results, columns) + sitesToCsvRows(ctx.sites, columns);
  }
  case ExportFormat::Json: {
    QJsonDocument doc = resultsToJson(results, modelJsonFromContext(ctx), opt);
    if (!ctx.sites.empty()) { // the CLI's --group-by shape
      QJsonObject o = doc.object();
      QJsonArray sites;
      for (const SiteResult &s : ctx.sites)
        sites.append(siteToJson(s, opt));
      o.insert(QStringLiteral("sites"), sites);
      doc.setObject(o);
    }
    return doc.toJson(QJsonDocument::Indented);
  }
  case ExportFormat::GeoJson: {
    QJsonDocument doc = resultsToGeoJson(results, opt);
    if (!ctx.sites.empty()) {
      QJsonObject o = doc.object();
      QJsonArray features = o.value(QStringLiteral("features")).toArray();
      for (const QJsonValue &f : sitesToGeoJsonFeatures(ctx.sites, opt))
        features.append(f);
      o.insert(QStringLiteral("features"), features);
      doc.setObject(o);
    }
    return doc.toJson(QJsonDocument::Indented);
  }
  case ExportFormat::Kml:
    return resultsToKml(results, opt,
                        ctx.projectName.isEmpty() ? QStringLiteral("StreetLens estimates") : ctx.projectName,
                        ctx.sites);
  case ExportFormat::Html:
    return resultsToHtmlReport(results, opt, ctx);
  case ExportFormat::Pdf:
    return QByteArray();
  }
  return QByteArray();
}

namespace {

bool fail(QString *error, const QString &msg) {
  if (error)
    *error = msg;
  return false;
}

} // namespace

bool checkExportDestination(const QString &path, QString *error) {
  if (path.isEmpty())
    return fail(error, QStringLiteral("No output file given"));
  const QFileInfo info(path);
  if (info.isDir())
    return fail(error, QStringLiteral("Cannot write %1: it is a directory").arg(path));
  if (!info.absoluteDir().exists())
    return fail(
        error,
        QStringLiteral("Cannot write %1: the folder %2 does not exist").arg(path, info.absolutePath()));
  return true;
}

bool exportResults(const std::vector<ImageResult> &results, ExportFormat fmt, const QString &path,
                   const ExportOptions &opt, const ReportContext &ctx, QString *error) {
  if (!checkExportDestination(path, error))
    return false;

  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return fail(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));

  if (fmt == ExportFormat::Pdf) {
    QString pdfError;
    if (!writePdfReport(results, opt, ctx, &file, &pdfError)) {
      file.cancelWriting();
      return fail(error, QStringLiteral("Cannot write %1: %2").arg(path, pdfError));
    }
  } else {
    const QByteArray bytes = exportToBytes(results, fmt, opt, ctx);
    if (file.write(bytes) != bytes.size()) {
      const QString why = file.errorString();
      file.cancelWriting();
      return fail(error, QStringLiteral("Cannot write %1: %2").arg(path, why));
    }
  }
  if (file.error() != QFileDevice::NoError) {
    const QString why = file.errorString();
    file.cancelWriting();
    return fail(error, QStringLiteral("Cannot write %1: %2").arg(path, why));
  }
  if (!file.commit())
    return fail(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
  return true;
}

} // namespace streetlens::exporting
