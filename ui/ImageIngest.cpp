#include "ui/ImageIngest.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

ImageIngest::ImageIngest(QObject *parent) : QObject(parent) {
  qRegisterMetaType<streetlens::ui::IngestedImage>();
  m_pool.setMaxThreadCount(qBound(1, QThread::idealThreadCount() / 2, 4));
  m_pool.setObjectName(QStringLiteral("StreetLens ingest"));
}

ImageIngest::~ImageIngest() {
  m_pool.clear();
  m_pool.waitForDone();
}

bool ImageIngest::hasImageExtension(const QString &path) {
  static const QStringList exts{QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
                                QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
                                QStringLiteral("bmp"),  QStringLiteral("gif")};
  return exts.contains(QFileInfo(path).suffix().toLower());
}

QStringList ImageIngest::localPaths(const QList<QUrl> &urls) {
  QStringList out;
  for (const QUrl &u : urls)
    if (u.isLocalFile())
      out << u.toLocalFile();
  return out;
}

QStringList ImageIngest::expand(const QStringList &paths) {
  QStringList files;
  for (const QString &p : paths) {
    const QFileInfo fi(p);
    if (fi.isDir()) {
      QStringList found;
      QDirIterator it(fi.absoluteFilePath(), QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        const QString f = it.next();
        if (hasImageExtension(f))
          found << f;
      }
      found.sort();
      files << found;
    } else if (fi.exists()) {
      files << fi.absoluteFilePath(); // an explicit file: its magic bytes decide
    }
  }
  return files;
}

IngestedImage ImageIngest::ingestFile(const QString &path) {
  IngestedImage out;
  out.path = path;
  out.size = QFileInfo(path).size();
  QFile f(path);
  QCryptographicHash h(QCryptographicHash::Sha256);
  if (!f.open(QIODevice::ReadOnly) || !h.addData(&f)) {
    out.error = QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString());
    return out;
  }
  out.sha256 = QString::fromLatin1(h.result().toHex());
  return out;
}

void ImageIngest::addPaths(const QStringList &paths) {
  if (paths.isEmpty())
    return;
  ++m_running;
  auto *collect = new QFutureWatcher<QStringList>(this);
  connect(collect, &QFutureWatcher<QStringList>::finished, this, [this, collect] {
    const QStringList files = collect->result();
    collect->deleteLater();
    for (const QString &f : files) {
      Q_EMIT fileFound(f);
      ++m_running;
      auto *w = new QFutureWatcher<IngestedImage>(this);
      connect(w, &QFutureWatcher<IngestedImage>::finished, this, [this, w] {
        const IngestedImage r = w->result();
        w->deleteLater();
        Q_EMIT ingested(r);
        finishedOne();
      });
      w->setFuture(QtConcurrent::run(&m_pool, &ImageIngest::ingestFile, f));
    }
    finishedOne();
  });
  collect->setFuture(QtConcurrent::run(&m_pool, &ImageIngest::expand, paths));
}

void ImageIngest::finishedOne() {
  if (--m_running == 0)
    Q_EMIT idle();
}

} // namespace streetlens::ui
