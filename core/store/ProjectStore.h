#pragma once
// ProjectStore: one open `.streetlens` project file (SQLite, WAL) and the one database connection
// this instance owns. Qt SQL connections belong to the thread that opened them, so each thread
// (the GUI, the analysis worker) opens its own ProjectStore on the same file; WAL lets the GUI read
// while the worker writes. Every write is its own transaction, committed before the call returns,
// so a kill loses at most the images in flight. Images are identified by the SHA-256 of their
// bytes (UNIQUE), so adding or re-analysing the same photo never makes duplicates.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/Annotation.h"
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/GeoResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QString>
#include <QThread>
#include <memory>
#include <optional>
#include <vector>

namespace streetlens::store {

struct ProjectSql;

// An image as it is added to a project (before or without analysis).
struct NewImage {
  QString path;
  QString sha256; // lowercase hex of the file bytes
  qint64 size = 0;
  int width = 0, height = 0;
  std::optional<geo::GeoPoint> exifLocation;
  std::optional<double> exifAltitude;
  QDateTime exifTime;
  QImage thumbnail; // stored as JPEG (see Thumbnail.h); may be null
};

// The "model" record of a project: which model produced its results.
struct ModelRecord {
  QString name;      // e.g. geolocal/StreetCLIP
  QString sha256;    // of the weights file
  QString precision; // fp32 / bf16 / fp16
  QString device;    // cpu / cuda:0
  bool operator==(const ModelRecord &) const = default;
};

// A site of a project: photos of one place that the analyst grouped (issue 17). Members are the
// images' SHA-256s, so a site survives renamed or moved files; a member removed from the project
// is left out of the site's fusion until it is back.
struct StoredSite {
  QString name;
  QStringList members; // sha256, in the order grouped
  bool operator==(const StoredSite &) const = default;
};

// An image as stored, with its latest result when it has one.
struct StoredImage {
  qint64 id = 0;
  NewImage image;
  QDateTime addedAt;
  ImageStatus status = ImageStatus::Queued; // Queued, Done or Failed (Running is never stored)
  QString error;                            // when Failed
  std::optional<ImageResult> result;        // latest result (Done only)
  Annotation annotation;                    // the analyst's verdict, note and pin (empty: none)
};

class ProjectStore {
public:
  static constexpr int kFormatVersion = 1;

  // Opens `path`, creating a new project when the file does not exist (or is empty). Fails with a
  // message naming the file for: not an SQLite database, not a StreetLens project, a project
  // written by a newer version, a read-only file or folder, a damaged file.
  static std::unique_ptr<ProjectStore> open(const QString &path, QString *error);
  ~ProjectStore();
  ProjectStore(const ProjectStore &) = delete;
  ProjectStore &operator=(const ProjectStore &) = delete;

  QString path() const;

  // Adds an image unless one with the same sha256 exists. Returns the image id and whether it was
  // new; nullopt with *error on failure.
  struct Added {
    qint64 id = 0;
    bool inserted = false;
  };
  std::optional<Added> addImage(const NewImage &image, QString *error);

  // Stores a finished result (Done: per-level probabilities, estimate, error km; Failed: the error)
  // in one transaction that is committed before this returns. The image row is created from the
  // result when missing. A result with the same settings key replaces the earlier one.
  bool saveResult(const ImageResult &result, QString *error) { return saveResult(result, QImage(), error); }
  // The same; a row created here gets `thumbnail` (one transaction for a new image and its result).
  bool saveResult(const ImageResult &result, const QImage &thumbnail, QString *error);

  // Every image in insertion order with its latest result. nullopt with *error on failure.
  std::optional<std::vector<StoredImage>> loadAll(QString *error) const;
  // One image by content hash (nullopt when absent or on error).
  std::optional<StoredImage> image(const QString &sha256, QString *error = nullptr) const;
  int imageCount() const;

  // Removes an image and its results; false with *error on failure (absent is not an error).
  bool remove(const QString &sha256, QString *error);

  // Project metadata: "format_version", "created", "app_version" are set on creation; the app
  // uses "settings" (JSON) and "model" (JSON).
  QString meta(const QString &key) const;
  bool setMeta(const QString &key, const QString &value, QString *error);

  // Typed project metadata (ProjectMeta.cpp): the one place that writes and parses the "model"
  // record and the "settings" record (JSON in the meta table). nullopt when absent or unreadable.
  std::optional<ModelRecord> modelRecord() const;
  bool setModelRecord(const ModelRecord &model, QString *error);
  std::optional<AnalysisSettings> analysisSettings() const;
  bool setAnalysisSettings(const AnalysisSettings &settings, QString *error);
  // The analyst's evidence (ProjectEvidence.cpp): the sites ("sites" record; empty when absent)
  // and the constraint ("constraint" record; nullopt when absent or unreadable). Projects written
  // before these records existed open unchanged: both are optional meta keys of format version 1.
  std::vector<StoredSite> sites() const;
  bool setSites(const std::vector<StoredSite> &sites, QString *error);
  std::optional<GeoConstraint> constraint() const;
  bool setConstraint(const GeoConstraint &constraint, QString *error);

  // The analyst's annotations (ProjectMeta.cpp): one "annotation/<sha256>" JSON record per image
  // in the meta table, removed with the image. An empty annotation removes the record.
  AnnotationMap annotations() const;
  bool setAnnotation(const QString &sha256, const Annotation &annotation, QString *error);
  // Every metadata record whose key starts with `prefix`, by key.
  QHash<QString, QString> metaWithPrefix(const QString &prefix) const;
  bool removeMeta(const QString &key, QString *error);

  // Image embeddings (ProjectEmbeddings.cpp): the projected, un-normalised image embedding of each
  // analysed image, float32, per model SHA-256, so that scene tasks, probes, similarity search and
  // re-scoring never run the image tower again. Removed with their image. `values` has `dim` floats.
  bool setImageEmbedding(const QString &sha256, const QString &modelSha256, const float *values, int dim,
                         QString *error);
  // nullopt when the image has none for that model (or on error).
  std::optional<std::vector<float>> imageEmbedding(const QString &sha256, const QString &modelSha256) const;
  struct StoredEmbedding {
    QString sha256;
    std::vector<float> values;
  };
  // Every stored embedding of that model, in image insertion order (empty on error, *error set).
  std::vector<StoredEmbedding> imageEmbeddings(const QString &modelSha256, QString *error = nullptr) const;
  // The models that have embeddings in this project (SHA-256s).
  QStringList embeddingModels() const;

  // Debug/test check (ProjectMeta.cpp): every write (open of a new file, addImage, saveResult,
  // remove, setMeta, saveCopyAs) made on `thread` fails and is counted. The app forbids its GUI
  // thread in debug builds and the UI tests do so always; nullptr switches the check off.
  static void forbidWritesOnThread(QThread *thread);
  static int forbiddenWriteCount();

  // Writes a consistent copy of the whole project to `target` (which must not exist), e.g. for
  // Save As. The copy is a normal project file.
  bool saveCopyAs(const QString &target, QString *error);

  // `PRAGMA integrity_check` == ok.
  bool checkIntegrity(QString *error) const;

  // Test hook: limits the file size in pages so that writes fail as on a full disk (SQLITE_FULL).
  void setMaxPageCountForTest(int pages);

private:
  ProjectStore();
  ProjectSql &sql() const;
  static bool writeAllowed(const QString &what, QString *error);
  struct Impl;
  std::unique_ptr<Impl> d;
};

} // namespace streetlens::store
