#pragma once
// ImageIngest: turns dropped / opened / pasted paths into images ready to queue. Expands folders
// recursively (image extensions only) and, per file, hashes the bytes (the image's identity in the
// list and the project) — on its own small QThreadPool, never on the GUI thread. It decodes
// nothing: the pipeline (AnalysisSession on the worker) decodes each image once, for the
// thumbnail, EXIF, the project row and the analysis. The object lives on the GUI thread and reports
// through signals (QFutureWatcher); pending work is dropped when it is destroyed.
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>

namespace streetlens::ui {

struct IngestedImage {
  QString path;
  QString sha256; // empty when the file could not be read at all
  qint64 size = 0;
  QString error; // set when the file cannot be read (it is still listed, as failed)
};

class ImageIngest : public QObject {
  Q_OBJECT
public:
  explicit ImageIngest(QObject *parent = nullptr);
  ~ImageIngest() override;

  // Files and folders (recursive). Each file found is announced by fileFound() at once (in order),
  // then ingested() follows when its hash and thumbnail are ready.
  void addPaths(const QStringList &paths);
  // Local files among URLs (drag & drop, paste); other schemes are ignored.
  static QStringList localPaths(const QList<QUrl> &urls);
  static bool hasImageExtension(const QString &path);
  // Synchronous work of one file (exposed for tests; runs on pool threads).
  static IngestedImage ingestFile(const QString &path);
  static QStringList expand(const QStringList &paths);
  bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
  void fileFound(const QString &path);
  void ingested(const streetlens::ui::IngestedImage &image);
  void idle();

private:
  void finishedOne();
  QThreadPool m_pool;
  int m_running = 0;
};

} // namespace streetlens::ui
