#pragma once
// ImageIngest: turns dropped / opened / pasted paths into images ready to queue. Expands folders
// recursively (image extensions only) and, per file, hashes the bytes, reads size, EXIF and makes a
// thumbnail — all on its own small QThreadPool, never on the GUI thread. The object lives on the
// GUI thread and reports through signals (QFutureWatcher); pending work is dropped when it is
// destroyed.
#include "core/imageio/ExifInfo.h"

#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>

namespace streetlens::ui {

struct IngestedImage {
  QString path;
  QString sha256; // empty when the file could not be read at all
  qint64 size = 0;
  int width = 0, height = 0;
  ExifInfo exif;
  QImage thumbnail;
  QString error; // set when the file is not a usable image (it is still listed, as failed)
};

class ImageIngest : public QObject {
  Q_OBJECT
public:
  static constexpr int kThumbnailSide = 128;
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
