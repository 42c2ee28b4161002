#include "core/export/ResultStream.h"

#include "core/export/Csv.h"
#include "core/export/Exporter.h"
#include "core/export/JsonExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cstdio>

namespace streetlens::exporting {

namespace {
// QJsonDocument's indented text of `o`, every line after the first moved right by `indent`
// spaces, without the final newline: how `o` reads when nested at that depth.
template <typename Json> QByteArray nested(const Json &o, int indent) {
  QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
  if (text.endsWith('\n'))
    text.chop(1);
  return text.replace("\n", "\n" + QByteArray(indent, ' '));
}
} // namespace

struct ResultStreamWriter::Impl {
  ExportFormat fmt = ExportFormat::Json;
  ExportOptions opt;
  QString path;
  std::unique_ptr<QFileDevice> out;
  qint64 written = 0;
  bool finished = false;
};

ResultStreamWriter::ResultStreamWriter() : d(std::make_unique<Impl>()) {}

ResultStreamWriter::~ResultStreamWriter() {
  if (auto *save = dynamic_cast<QSaveFile *>(d->out.get()); save && !d->finished)
    save->cancelWriting();
}

bool ResultStreamWriter::canStream(ExportFormat fmt) {
  return fmt == ExportFormat::Json || fmt == ExportFormat::Csv;
}

bool ResultStreamWriter::open(ExportFormat fmt, const QString &path, const ExportOptions &opt,
                              const ReportContext &ctx, QString *error) {
  d->fmt = fmt;
  d->opt = opt;
  d->path = path.isEmpty() ? QStringLiteral("standard output") : path;
  if (path.isEmpty()) {
    auto f = std::make_unique<QFile>();
    if (!f->open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
      *error = QStringLiteral("Cannot write to standard output: %1").arg(f->errorString());
      return false;
    }
    d->out = std::move(f);
  } else {
    if (!checkExportDestination(path, error))
      return false;
    auto f = std::make_unique<QSaveFile>(path);
    if (!f->open(QIODevice::WriteOnly)) {
      *error = QStringLiteral("Cannot write %1: %2").arg(path, f->errorString());
      return false;
    }
    d->out = std::move(f);
  }
  if (fmt == ExportFormat::Csv)
    return put(csvRecord(csvHeader(d->opt)).toUtf8(), error);
  return put("{\n    \"model\": " + nested(modelJsonFromContext(ctx), 4) + ",\n    \"results\": [", error);
}

bool ResultStreamWriter::write(const ImageResult &r, QString *error) {
  if (d->fmt == ExportFormat::Csv)
    return put(csvRecord(csvFields(r, d->opt)).toUtf8(), error);
  const QByteArray sep = d->written++ ? ",\n        " : "\n        ";
  return put(sep + nested(resultToJson(r, d->opt), 8), error);
}

bool ResultStreamWriter::finish(QString *error, const QJsonArray *sites) {
  if (d->fmt == ExportFormat::Json) {
    QByteArray tail = "\n    ]";
    if (sites)
      tail += ",\n    \"sites\": " + nested(*sites, 4);
    if (!put(tail + "\n}\n", error))
      return false;
  }
  d->finished = true;
  if (auto *save = dynamic_cast<QSaveFile *>(d->out.get())) {
    if (!save->commit()) {
      *error = QStringLiteral("Cannot write %1: %2").arg(d->path, save->errorString());
      return false;
    }
  } else if (!d->out->flush()) {
    *error = QStringLiteral("Cannot write to %1: %2").arg(d->path, d->out->errorString());
    return false;
  }
  return true;
}

bool ResultStreamWriter::put(const QByteArray &bytes, QString *error) {
  if (d->out->write(bytes) != bytes.size() || d->out->error() != QFileDevice::NoError) {
    *error = QStringLiteral("Cannot write %1: %2").arg(d->path, d->out->errorString());
    return false;
  }
  if (!dynamic_cast<QSaveFile *>(d->out.get()))
    d->out->flush(); // standard output: let a reader (a pipe) see each result as it comes
  return true;
}

void keepOnlyExported(ImageResult &r, ExportFormat fmt, const ExportOptions &opt) {
  auto trim = [&](std::vector<PlaceProbability> &v, double keepAbove) {
    if (opt.topK <= 0)
      return;
    std::size_t n = std::min(v.size(), std::size_t(opt.topK));
    while (n < v.size() && v[n].probability > keepAbove) // sorted descending
      ++n;
    v.resize(n);
    v.shrink_to_fit();
  };
  const bool report = fmt == ExportFormat::Html || fmt == ExportFormat::Pdf;
  trim(r.countries, report ? 1e-3 : 2.0);
  trim(r.regions, 2.0);
  trim(r.cities, 2.0);
  trim(r.labels, 2.0);
}

} // namespace streetlens::exporting
