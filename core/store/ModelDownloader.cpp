#include "core/store/ModelDownloader.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <deque>

namespace streetlens::store {

namespace {

constexpr int kMaxRedirects = 10;

QString hashFile(const QString &path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  QCryptographicHash h(QCryptographicHash::Sha256);
  if (!h.addData(&f))
    return {};
  return QString::fromLatin1(h.result().toHex());
}

// X-Linked-Etag / ETag of an LFS file on the Hub: "<sha256>" (possibly weak: W/"...").
QString shaFromEtag(QByteArray etag) {
  etag = etag.trimmed();
  if (etag.startsWith("W/"))
    etag = etag.mid(2);
  if (etag.startsWith('"') && etag.endsWith('"') && etag.size() >= 2)
    etag = etag.mid(1, etag.size() - 2);
  static const QRegularExpression hex64(QStringLiteral("^[0-9a-fA-F]{64}$"));
  const QString s = QString::fromLatin1(etag);
  return hex64.match(s).hasMatch() ? s.toLower() : QString();
}

} // namespace

ModelDownloadSpec ModelDownloadSpec::streetClip() {
  ModelDownloadSpec s;
  const QString main = QStringLiteral("main");
  s.files = {
      {QStringLiteral("config.json"), main, true, {}, {}},
      {QStringLiteral("preprocessor_config.json"), main, false, {}, {}},
      {QStringLiteral("vocab.json"), main, true, {}, {}},
      {QStringLiteral("merges.txt"), main, true, {}, {}},
      {QStringLiteral("tokenizer.json"), main, false, {}, {}},
      {QStringLiteral("tokenizer_config.json"), main, false, {}, {}},
      {QStringLiteral("special_tokens_map.json"), main, false, {}, {}},
      {QStringLiteral("model.safetensors"), QStringLiteral("refs/pr/1"), true,
       QStringLiteral("pytorch_model.bin"), main},
  };
  s.licenceText = QStringLiteral(
      "StreetCLIP (geolocal/StreetCLIP) is published under the Creative Commons Attribution-NonCommercial "
      "4.0 International licence (CC BY-NC 4.0): you may use and share it for non-commercial purposes, "
      "giving credit to its authors; commercial use is not permitted.\n\n"
      "Its model card rules out using it to geolocate people's private images. StreetLens gives an "
      "estimate, not proof, and runs entirely on this computer: no photo is uploaded.\n\n"
      "Full licence text: https://creativecommons.org/licenses/by-nc/4.0/legalcode");
  return s;
}

QUrl ModelDownloadSpec::fileUrl(const QUrl &endpoint, const QString &repo, const QString &revision,
                                const QString &file) {
  QString base = endpoint.toString();
  while (base.endsWith(QLatin1Char('/')))
    base.chop(1);
  const QString rev = QString::fromLatin1(QUrl::toPercentEncoding(revision));
  return QUrl(base + QLatin1Char('/') + repo + QStringLiteral("/resolve/") + rev + QLatin1Char('/') + file,
              QUrl::StrictMode);
}

struct ModelDownloader::Impl {
  ModelDownloadSpec spec = ModelDownloadSpec::streetClip();
  QNetworkAccessManager nam;
  QPointer<QNetworkReply> reply;
  QString targetDir;
  int maxRetries = 3;
  int retryDelayMs = 1000;
  bool running = false;
  quint64 generation = 0; // bumped by start/cancel: stale timers and hash jobs compare it

  int fileIndex = 0;
  QString name, revision; // current file (the fallback once switched)
  bool usingFallback = false;
  int attempts = 0;
  QString linkedSha;
  QFile part;
  qint64 offset = 0; // bytes already in the .part file when the request was sent
  qint64 total = -1;
  int status = 0;
  bool headerSeen = false;
  QElapsedTimer clock;
  std::deque<std::pair<qint64, qint64>> samples; // (ms, bytes)
  QJsonObject manifestFiles;

  QString finalPath() const { return QDir(targetDir).filePath(name); }
  QString partPath() const { return finalPath() + QStringLiteral(".part"); }
  QUrl url() const { return ModelDownloadSpec::fileUrl(spec.endpoint, spec.repo, revision, name); }
  QString label() const { return QStringLiteral("%1/%2 (%3)").arg(spec.repo, name, revision); }

  double speed(qint64 bytes) {
    const qint64 now = clock.elapsed();
    samples.emplace_back(now, bytes);
    while (samples.size() > 2 && now - samples.front().first > 3000)
      samples.pop_front();
    const qint64 dt = samples.back().first - samples.front().first;
    return dt > 0 ? double(samples.back().second - samples.front().second) * 1000.0 / double(dt) : 0.0;
  }
};

ModelDownloader::ModelDownloader(QObject *parent) : QObject(parent), d(std::make_unique<Impl>()) {}

ModelDownloader::~ModelDownloader() {
  if (d->reply) {
    d->reply->disconnect(this);
    d->reply->abort();
  }
}

void ModelDownloader::setSpec(const ModelDownloadSpec &spec) {
  d->spec = spec;
}

const ModelDownloadSpec &ModelDownloader::spec() const {
  return d->spec;
}

void ModelDownloader::setRetryPolicy(int maxRetries, int delayMs) {
  d->maxRetries = qMax(0, maxRetries);
  d->retryDelayMs = qMax(0, delayMs);
}

bool ModelDownloader::isRunning() const {
  return d->running;
}

bool ModelDownloader::start(const QString &targetDir, const Consent &consent) {
  if (d->running) {
    Q_EMIT failed(tr("A download is already running."));
    return false;
  }
  if (!consent || !consent(d->spec.licenceName, d->spec.licenceText)) {
    Q_EMIT failed(tr("The %1 licence of %2 was not accepted; nothing was downloaded.")
                      .arg(d->spec.licenceName, d->spec.repo));
    return false;
  }
  if (!QDir().mkpath(targetDir)) {
    Q_EMIT failed(tr("%1: the folder cannot be created.").arg(QDir::toNativeSeparators(targetDir)));
    return false;
  }
  d->targetDir = QDir(targetDir).absolutePath();
  d->running = true;
  ++d->generation;
  d->fileIndex = 0;
  d->manifestFiles = {};
  d->clock.start();
  startFile();
  return true;
}

void ModelDownloader::cancel() {
  if (!d->running)
    return;
  d->running = false;
  ++d->generation;
  if (d->reply) {
    QNetworkReply *r = d->reply;
    d->reply = nullptr;
    r->disconnect(this);
    r->abort();
    r->deleteLater();
  }
  d->part.close();
  Q_EMIT canceled();
}

void ModelDownloader::startFile() {
  if (!d->running)
    return;
  if (d->fileIndex >= d->spec.files.size()) {
    QJsonObject manifest{
        {QStringLiteral("repo"), d->spec.repo},
        {QStringLiteral("endpoint"), d->spec.endpoint.toString()},
        {QStringLiteral("licence"), d->spec.licenceName},
        {QStringLiteral("downloaded_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("files"), d->manifestFiles}};
    QFile m(QDir(d->targetDir).filePath(QStringLiteral("streetlens-download.json")));
    if (m.open(QIODevice::WriteOnly | QIODevice::Truncate))
      m.write(QJsonDocument(manifest).toJson());
    d->running = false;
    Q_EMIT finished(d->targetDir);
    return;
  }
  const ModelDownloadSpec::File &f = d->spec.files.at(d->fileIndex);
  d->name = f.name;
  d->revision = f.revision;
  d->usingFallback = false;
  d->attempts = 0;
  d->linkedSha.clear();
  // A file that is already in place was verified before it was renamed: keep it.
  if (QFileInfo::exists(d->finalPath()) ||
      (!f.fallbackName.isEmpty() && QFileInfo::exists(QDir(d->targetDir).filePath(f.fallbackName)))) {
    ++d->fileIndex;
    startFile();
    return;
  }
  Q_EMIT fileStarted(d->name, d->fileIndex, int(d->spec.files.size()));
  sendRequest(d->url(), 0);
}

void ModelDownloader::sendRequest(const QUrl &url, int redirects) {
  if (!d->part.isOpen() || d->part.fileName() != d->partPath()) {
    d->part.close();
    d->part.setFileName(d->partPath());
    if (!d->part.open(QIODevice::ReadWrite | QIODevice::Append)) {
      fail(tr("%1: cannot be written (%2).")
               .arg(QDir::toNativeSeparators(d->partPath()), d->part.errorString()));
      return;
    }
  }
  d->offset = d->part.size();
  d->total = -1;
  d->status = 0;
  d->headerSeen = false;
  d->samples.clear();
  QNetworkRequest req(url);
  req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
  req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("StreetLens/%1").arg(STREETLENS_VERSION));
  if (d->offset > 0)
    req.setRawHeader("Range", "bytes=" + QByteArray::number(d->offset) + '-');
  QNetworkReply *r = d->nam.get(req);
  r->setProperty("redirects", redirects);
  d->reply = r;
  connect(r, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
  connect(r, &QNetworkReply::finished, this, &ModelDownloader::onReplyFinished);
}

void ModelDownloader::onReadyRead() {
  QNetworkReply *r = d->reply;
  if (!r)
    return;
  if (!d->headerSeen) {
    d->headerSeen = true;
    d->status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (d->status == 206) {
      // Content-Range: bytes <start>-<end>/<total>
      static const QRegularExpression re(QStringLiteral("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)"));
      const auto m = re.match(QString::fromLatin1(r->rawHeader("Content-Range")));
      if (!m.hasMatch() || m.captured(1).toLongLong() != d->offset) {
        d->part.resize(0); // the server resumed elsewhere: start over cleanly
        r->abort();
        return;
      }
      d->total = m.captured(3) == QLatin1String("*") ? -1 : m.captured(3).toLongLong();
    } else if (d->status == 200) {
      d->part.resize(0); // the server ignored the Range: start from the beginning
      d->offset = 0;
      const QVariant len = r->header(QNetworkRequest::ContentLengthHeader);
      d->total = len.isValid() ? len.toLongLong() : -1;
    }
  }
  const QByteArray bytes = r->readAll();
  if (d->status != 200 && d->status != 206)
    return; // redirect or error body
  if (d->part.write(bytes) != bytes.size()) {
    fail(tr("%1: writing failed (%2). Is the disk full?")
             .arg(QDir::toNativeSeparators(d->partPath()), d->part.errorString()));
    return;
  }
  const qint64 received = d->part.size();
  Q_EMIT progress(d->name, received, d->total, d->speed(received));
}

void ModelDownloader::onReplyFinished() {
  QNetworkReply *r = d->reply;
  if (!r || sender() != r)
    return;
  d->reply = nullptr;
  r->deleteLater();
  if (!d->running)
    return;
  if (!d->headerSeen || r->bytesAvailable() > 0) {
    d->reply = r; // let onReadyRead() handle the status line and any bytes not yet read
    onReadyRead();
    d->reply = nullptr;
    if (!d->running)
      return;
  }
  const int status = d->status;
  const int redirects = r->property("redirects").toInt();
  if (status >= 300 && status < 400 && r->hasRawHeader("Location")) {
    const QString sha = shaFromEtag(r->rawHeader("X-Linked-Etag"));
    if (!sha.isEmpty())
      d->linkedSha = sha;
    if (redirects >= kMaxRedirects) {
      fail(tr("%1: too many redirects.").arg(d->label()));
      return;
    }
    const QUrl next = r->url().resolved(QUrl::fromEncoded(r->rawHeader("Location")));
    sendRequest(next, redirects + 1);
    return;
  }
  if (status == 416) { // Range not satisfiable: the .part file is already complete
    d->part.close();
    verifyAndCommit();
    return;
  }
  if (status == 404) {
    const ModelDownloadSpec::File &f = d->spec.files.at(d->fileIndex);
    d->part.close();
    if (QFileInfo(d->partPath()).size() == 0)
      QFile::remove(d->partPath());
    if (!d->usingFallback && !f.fallbackName.isEmpty()) {
      d->usingFallback = true;
      d->name = f.fallbackName;
      d->revision = f.fallbackRevision.isEmpty() ? QStringLiteral("main") : f.fallbackRevision;
      d->linkedSha.clear();
      d->attempts = 0;
      Q_EMIT fileStarted(d->name, d->fileIndex, int(d->spec.files.size()));
      sendRequest(d->url(), 0);
      return;
    }
    if (!f.required) {
      ++d->fileIndex;
      startFile();
      return;
    }
    fail(tr("%1: not found on %2 (HTTP 404).").arg(d->label(), d->spec.endpoint.host()));
    return;
  }
  if (status == 401 || status == 403) {
    fail(tr("%1: access denied (HTTP %2). The repository may require signing in or accepting its terms on "
            "the website.")
             .arg(d->label())
             .arg(status));
    return;
  }
  const bool complete = d->total < 0 || d->part.size() == d->total;
  if (r->error() == QNetworkReply::NoError && (status == 200 || status == 206) && complete) {
    d->part.close();
    verifyAndCommit();
    return;
  }
  if (status >= 400) {
    fail(tr("%1: the server answered HTTP %2 %3.")
             .arg(d->label())
             .arg(status)
             .arg(r->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
    return;
  }
  // Dropped connection or a short body: resume from what is in the .part file.
  const QString why = r->error() != QNetworkReply::NoError ? r->errorString() : tr("connection closed early");
  if (d->attempts < d->maxRetries) {
    ++d->attempts;
    const quint64 gen = d->generation;
    QTimer::singleShot(d->retryDelayMs * d->attempts, this, [this, gen] {
      if (gen == d->generation && d->running)
        sendRequest(d->url(), 0);
    });
    return;
  }
  fail(tr("%1: the download was interrupted (%2) after %3 attempts. Start it again to resume where it "
          "stopped.")
           .arg(d->label(), why)
           .arg(d->attempts + 1));
}

void ModelDownloader::verifyAndCommit() {
  Q_EMIT verifying(d->name);
  const QString path = d->partPath();
  const quint64 gen = d->generation;
  auto *watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, gen, path] {
    const QString got = watcher->result();
    watcher->deleteLater();
    if (gen != d->generation || !d->running)
      return;
    if (got.isEmpty()) {
      fail(tr("%1: cannot be read back for verification.").arg(QDir::toNativeSeparators(path)));
      return;
    }
    const QString expected = d->spec.expectedSha256.value(d->name, d->linkedSha).toLower();
    if (!expected.isEmpty() && expected != got) {
      QFile::remove(path);
      fail(tr("%1: checksum mismatch (SHA-256 expected %2, got %3). The file was damaged in transit or "
              "differs "
              "from the published one; it was deleted. Start the download again.")
               .arg(d->label(), expected, got));
      return;
    }
    QFile::remove(d->finalPath());
    if (!QFile::rename(path, d->finalPath())) {
      fail(tr("%1: cannot be renamed to %2.")
               .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(d->finalPath())));
      return;
    }
    d->manifestFiles.insert(d->name, QJsonObject{{QStringLiteral("sha256"), got},
                                                 {QStringLiteral("revision"), d->revision},
                                                 {QStringLiteral("verified"), !expected.isEmpty()}});
    ++d->fileIndex;
    startFile();
  });
  watcher->setFuture(QtConcurrent::run(hashFile, path));
}

void ModelDownloader::fail(const QString &message) {
  if (d->reply) {
    QNetworkReply *r = d->reply;
    d->reply = nullptr;
    r->disconnect(this);
    r->abort();
    r->deleteLater();
  }
  d->part.close();
  d->running = false;
  ++d->generation;
  Q_EMIT failed(message);
}

} // namespace streetlens::store
