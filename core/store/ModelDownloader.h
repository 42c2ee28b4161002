#pragma once
// ModelDownloader: fetches a Hugging Face model repository (StreetCLIP by default) into a plain
// model folder with Qt Network: asks for licence consent first, downloads file by file into
// "<name>.part", resumes an interrupted file with an HTTP Range request (also across runs),
// retries dropped connections, verifies SHA-256 (injected expected values, or the hash the Hub
// publishes in X-Linked-Etag for large files) and only then renames to the final name. Writes a
// provenance manifest (streetlens-download.json). Asynchronous, no nested event loops: a QObject
// living on the GUI thread; hashing runs on the global thread pool.
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace streetlens::store {

struct ModelDownloadSpec {
  struct File {
    QString name;     // path in the repository, e.g. "config.json"
    QString revision; // branch, tag or ref ("main", "refs/pr/1")
    bool required = true;
    // Downloaded instead when this file is missing (404) on the server, e.g. pytorch_model.bin.
    QString fallbackName;
    QString fallbackRevision;
  };
  QUrl endpoint{QStringLiteral("https://huggingface.co")};
  QString repo{QStringLiteral("geolocal/StreetCLIP")};
  QList<File> files;
  // file name -> lowercase hex SHA-256; files listed here must match or the download fails.
  QHash<QString, QString> expectedSha256;
  QString licenceName{QStringLiteral("CC-BY-NC-4.0")};
  QString licenceText;

  // geolocal/StreetCLIP: config and tokenizer from main, model.safetensors from refs/pr/1 with
  // pytorch_model.bin (main) as the fallback; licence CC-BY-NC-4.0.
  static ModelDownloadSpec streetClip();
  // {endpoint}/{repo}/resolve/{revision, URL-encoded}/{file}
  static QUrl fileUrl(const QUrl &endpoint, const QString &repo, const QString &revision,
                      const QString &file);
};

class ModelDownloader : public QObject {
  Q_OBJECT
public:
  // Shown the licence; returns true when the user accepts it.
  using Consent = std::function<bool(const QString &licenceName, const QString &licenceText)>;

  explicit ModelDownloader(QObject *parent = nullptr);
  ~ModelDownloader() override;

  void setSpec(const ModelDownloadSpec &spec);
  const ModelDownloadSpec &spec() const;
  // Reconnection attempts per file after a dropped connection (default 3) and the pause before
  // each (default 1000 ms; tests use 0).
  void setRetryPolicy(int maxRetries, int delayMs);

  // Asks `consent`; when it is missing or refuses, emits failed() and returns false without
  // creating or downloading anything. Otherwise starts downloading into targetDir and returns true;
  // the outcome comes as finished(), failed() or canceled().
  bool start(const QString &targetDir, const Consent &consent);
  // Stops now; the .part file stays so that the next start() resumes it.
  void cancel();
  bool isRunning() const;

Q_SIGNALS:
  void fileStarted(const QString &name, int index, int count);
  // Bytes of the current file (total -1 when unknown) and the recent speed.
  void progress(const QString &name, qint64 received, qint64 total, double bytesPerSecond);
  void verifying(const QString &name);
  void finished(const QString &modelDir);
  void failed(const QString &message);
  void canceled();

private:
  struct Impl;
  std::unique_ptr<Impl> d;
  void startFile();
  void sendRequest(const QUrl &url, int redirects);
  void onReadyRead();
  void onReplyFinished();
  void verifyAndCommit();
  void fileDone();
  void fail(const QString &message);
};

} // namespace streetlens::store
