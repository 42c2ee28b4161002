#include "core/store/ProjectMerge.h"

#include "core/store/ProjectStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace streetlens::store {

namespace {

int standing(ImageStatus s) {
  return s == ImageStatus::Done ? 2 : s == ImageStatus::Failed ? 1 : 0;
}

// The model and settings of one shard, for the agreement check.
struct ShardMeta {
  QString file;
  std::optional<ModelRecord> model;
  QString settings; // the "settings" record's JSON text
  int images = 0;
};

// Empty when they agree, else the message naming both files.
QString disagreement(const ShardMeta &a, const ShardMeta &b) {
  if (a.model && b.model) {
    if (a.model->sha256 != b.model->sha256)
      return QStringLiteral("%1 and %2 were analysed with different models (weights SHA-256 %3 and %4)")
          .arg(a.file, b.file, a.model->sha256, b.model->sha256);
    if (a.model->precision != b.model->precision)
      return QStringLiteral("%1 and %2 were analysed at different precisions (%3 and %4)")
          .arg(a.file, b.file, a.model->precision, b.model->precision);
  }
  if (!a.settings.isEmpty() && !b.settings.isEmpty() && a.settings != b.settings)
    return QStringLiteral("%1 and %2 were analysed with different settings (%3 and %4)")
        .arg(a.file, b.file, a.settings, b.settings);
  return {};
}

} // namespace

std::optional<MergeSummary> mergeProjects(const QStringList &shards, const QString &target, QString *error) {
  const QString targetPath = QFileInfo(target).absoluteFilePath();
  std::vector<ShardMeta> metas;
  QMap<QString, StoredImage> bySha; // keeps the winner per photo
  // Image embeddings by photo: (model SHA-256, values) from whichever shard kept them.
  QHash<QString, std::vector<std::pair<QString, std::vector<float>>>> embeddings;
  MergeSummary summary;
  for (const QString &file : shards) {
    const QFileInfo fi(file);
    if (fi.absoluteFilePath() == targetPath ||
        (fi.exists() && fi.canonicalFilePath() == QFileInfo(target).canonicalFilePath())) {
      *error = QStringLiteral("%1: the output is one of the shards; write the merge to a new file").arg(file);
      return std::nullopt;
    }
    if (!fi.isFile()) {
      *error = QStringLiteral("%1: no such project file").arg(file);
      return std::nullopt;
    }
    auto store = ProjectStore::open(file, error);
    if (!store)
      return std::nullopt;
    auto images = store->loadAll(error);
    if (!images)
      return std::nullopt;
    ShardMeta meta{file, store->modelRecord(), store->meta(QStringLiteral("settings")), int(images->size())};
    for (const ShardMeta &other : metas)
      if (const QString why = disagreement(other, meta); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
      }
    metas.push_back(std::move(meta));
    for (const QString &model : store->embeddingModels())
      for (ProjectStore::StoredEmbedding &e : store->imageEmbeddings(model))
        embeddings[e.sha256].push_back({model, std::move(e.values)});
    for (StoredImage &img : *images) {
      auto it = bySha.find(img.image.sha256);
      if (it == bySha.end()) {
        bySha.insert(img.image.sha256, std::move(img));
        continue;
      }
      ++summary.duplicates;
      if (standing(img.status) > standing(it->status))
        *it = std::move(img);
    }
  }
  // In path order, whatever the order of the shards (ties by SHA-256: bySha is sorted by it).
  std::vector<const StoredImage *> ordered;
  for (const StoredImage &img : bySha)
    ordered.push_back(&img);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const StoredImage *a, const StoredImage *b) { return a->image.path < b->image.path; });

  const QString partial =
      QStringLiteral("%1.merging-%2").arg(targetPath).arg(QCoreApplication::applicationPid());
  auto removePartial = [&] {
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
      QFile::remove(partial + QLatin1String(suffix));
  };
  removePartial();
  {
    auto out = ProjectStore::open(partial, error);
    if (!out) {
      removePartial();
      return std::nullopt;
    }
    auto fail = [&](const QString &what) {
      *error = QStringLiteral("%1: %2").arg(targetPath, what);
      return std::nullopt;
    };
    // The model record of the first shard that has one; a batch spread over CPU and GPU nodes
    // lists every device.
    std::optional<ModelRecord> model;
    QString settings;
    for (const ShardMeta &m : metas) {
      if (m.model && !model)
        model = m.model;
      else if (m.model && !model->device.split(QStringLiteral(", ")).contains(m.model->device))
        model->device += QStringLiteral(", ") + m.model->device;
      if (settings.isEmpty())
        settings = m.settings;
    }
    QString err;
    if ((model && !out->setModelRecord(*model, &err)) ||
        (!settings.isEmpty() && !out->setMeta(QStringLiteral("settings"), settings, &err))) {
      out.reset();
      removePartial();
      return fail(err);
    }
    for (const StoredImage *img : ordered) {
      bool ok = out->addImage(img->image, &err).has_value();
      if (ok && img->status == ImageStatus::Done && img->result) {
        ok = out->saveResult(*img->result, &err);
        ++summary.done;
      } else if (ok && img->status == ImageStatus::Failed) {
        ImageResult failed;
        failed.path = img->image.path;
        failed.sha256 = img->image.sha256;
        failed.status = ImageStatus::Failed;
        failed.error = img->error;
        ok = out->saveResult(failed, &err);
        ++summary.failed;
      } else {
        ++summary.queued;
      }
      for (const auto &[modelSha, values] : embeddings.value(img->image.sha256))
        ok = ok &&
             out->setImageEmbedding(img->image.sha256, modelSha, values.data(), int(values.size()), &err);
      if (!ok) {
        out.reset();
        removePartial();
        return fail(err);
      }
    }
    summary.images = out->imageCount();
  } // closed: the WAL is folded into the file
  if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(targetPath).constData()) != 0) {
    *error = QStringLiteral("%1: cannot replace it with the merged project (%2)")
                 .arg(targetPath, QString::fromLocal8Bit(std::strerror(errno)));
    removePartial();
    return std::nullopt;
  }
  for (const char *suffix : {"-wal", "-shm"}) // of an earlier target, now stale
    QFile::remove(targetPath + QLatin1String(suffix));
  return summary;
}

} // namespace streetlens::store
