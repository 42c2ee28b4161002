#pragma once
// Writes results one image at a time, so a batch of any size holds no more than one result in
// memory: JSON and CSV are streamed byte for byte as exportToBytes would write them; the other
// formats need every result at the end, and keepOnlyExported() shrinks what a caller keeps for
// them to what they print. Used from one thread at a time.
#include "core/analysis/GeoResult.h"
#include "core/export/ExportTypes.h"

#include <QString>
#include <memory>

class QIODevice;
class QJsonArray;

namespace streetlens::exporting {

class ResultStreamWriter {
public:
  ResultStreamWriter();
  ~ResultStreamWriter(); // an unfinished file is discarded (the destination is left untouched)
  ResultStreamWriter(const ResultStreamWriter &) = delete;
  ResultStreamWriter &operator=(const ResultStreamWriter &) = delete;

  static bool canStream(ExportFormat fmt); // Json and Csv

  // Starts `fmt` in `path` (written atomically at finish()), or on standard output when path is
  // empty. False with *error naming the file and the problem.
  bool open(ExportFormat fmt, const QString &path, const ExportOptions &opt, const ReportContext &ctx,
            QString *error);
  bool write(const ImageResult &r, QString *error);
  // JSON: `sites` (when given) becomes the top-level "sites" array after "results".
  bool finish(QString *error, const QJsonArray *sites = nullptr);

private:
  bool put(const QByteArray &bytes, QString *error);
  struct Impl;
  std::unique_ptr<Impl> d;
};

// Drops what `fmt` never prints: lists beyond opt.topK (all countries above 0.1 % are kept for
// the reports' choropleth maps). Leaves status, estimate, EXIF and identity untouched.
void keepOnlyExported(ImageResult &r, ExportFormat fmt, const ExportOptions &opt);

} // namespace streetlens::exporting
