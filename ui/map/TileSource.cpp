#include "ui/map/TileSource.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>
#include <QSaveFile>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace streetlens::ui {

QString tileUrl(const QString &urlTemplate, const TileKey &key) {
  if (key.z < 0 || key.z > 22)
    return {};
  const qint64 n = qint64(1) << key.z;
  if (key.x < 0 || key.y < 0 || key.x >= n || key.y >= n)
    return {};
  QString url = urlTemplate;
  static const char kSubdomains[] = {'a', 'b', 'c'};
  url.replace(QLatin1String("{z}"), QString::number(key.z));
  url.replace(QLatin1String("{x}"), QString::number(key.x));
  url.replace(QLatin1String("{-y}"), QString::number(n - 1 - key.y));
  url.replace(QLatin1String("{y}"), QString::number(key.y));
  url.replace(QLatin1String("{s}"), QString(QLatin1Char(kSubdomains[(key.x + key.y) % 3])));
  return url;
}

bool isValidTileTemplate(const QString &urlTemplate, QString *error) {
  auto fail = [error](const QString &msg) {
    if (error)
      *error = msg;
    return false;
  };
  const QUrl probe(tileUrl(urlTemplate, {1, 0, 0}));
  if (!probe.isValid() ||
      (probe.scheme() != QLatin1String("http") && probe.scheme() != QLatin1String("https")))
    return fail(QStringLiteral("tile URL template '%1' is not an http(s) URL").arg(urlTemplate));
  if (!urlTemplate.contains(QLatin1String("{z}")) || !urlTemplate.contains(QLatin1String("{x}")) ||
      !(urlTemplate.contains(QLatin1String("{y}")) || urlTemplate.contains(QLatin1String("{-y}"))))
    return fail(QStringLiteral("tile URL template '%1' must contain {z}, {x} and {y}").arg(urlTemplate));
  return true;
}

int tileZoomFor(double zoom, int maxZoom) {
  if (!std::isfinite(zoom))
    return 0;
  return std::clamp(static_cast<int>(std::lround(zoom)), 0, maxZoom);
}

std::vector<TilePlacement> tilesFor(const MapViewport &vp, int z) {
  std::vector<TilePlacement> out;
  z = std::clamp(z, 0, 22);
  const qint64 n = qint64(1) << z;
  const QRectF r = vp.visibleWorldRect();
  const qint64 x0 = static_cast<qint64>(std::floor(r.left() * n));
  const qint64 x1 = static_cast<qint64>(std::ceil(r.right() * n)) - 1;
  const qint64 y0 = std::max<qint64>(0, static_cast<qint64>(std::floor(r.top() * n)));
  const qint64 y1 = std::min<qint64>(n - 1, static_cast<qint64>(std::ceil(r.bottom() * n)) - 1);
  if (x1 - x0 > 4096 || y1 - y0 > 4096)
    return out;
  const double size = vp.scale() / static_cast<double>(n);
  for (qint64 ty = y0; ty <= y1; ++ty) {
    for (qint64 tx = x0; tx <= x1; ++tx) {
      const qint64 wx = ((tx % n) + n) % n;
      const QPointF topLeft = vp.worldToPixel(QPointF(double(tx) / n, double(ty) / n));
      out.push_back({{z, static_cast<int>(wx), static_cast<int>(ty)}, QRectF(topLeft, QSizeF(size, size))});
    }
  }
  return out;
}

void paintTiles(QPainter &p, const std::vector<TilePlacement> &tiles, const QHash<TileKey, QImage> &images) {
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  for (const TilePlacement &t : tiles) {
    const auto it = images.constFind(t.key);
    if (it != images.constEnd() && !it->isNull())
      p.drawImage(t.pixelRect, *it);
  }
  p.restore();
}

TileCache::TileCache(QString dir, QString urlTemplate) {
  const QByteArray h =
      QCryptographicHash::hash(urlTemplate.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
  m_dir = QDir(dir).filePath(QString::fromLatin1(h));
}

QString TileCache::pathFor(const TileKey &key) const {
  return QStringLiteral("%1/%2/%3/%4.png").arg(m_dir).arg(key.z).arg(key.x).arg(key.y);
}

bool TileCache::contains(const TileKey &key) const {
  return m_memory.contains(key) || QFileInfo::exists(pathFor(key));
}

QImage TileCache::load(const TileKey &key) {
  if (const QImage *img = m_memory.object(key))
    return *img;
  QImage img(pathFor(key));
  if (!img.isNull())
    m_memory.insert(key, new QImage(img));
  return img;
}

bool TileCache::store(const TileKey &key, const QByteArray &bytes, QString *error) {
  QImage img;
  if (!img.loadFromData(bytes)) {
    if (error)
      *error = QStringLiteral("tile %1/%2/%3 is not an image (%4 bytes)")
                   .arg(key.z)
                   .arg(key.x)
                   .arg(key.y)
                   .arg(bytes.size());
    return false;
  }
  m_memory.insert(key, new QImage(img));
  const QString path = pathFor(key);
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
    if (error)
      *error = QStringLiteral("cannot write tile cache file %1: %2").arg(path, f.errorString());
    return true; // still usable from memory
  }
  return true;
}

TileFetcher::TileFetcher(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this)) {}

TileFetcher::~TileFetcher() {
  for (const auto &reply : std::as_const(m_inFlight)) {
    if (reply)
      reply->abort();
  }
}

void TileFetcher::setSource(const QString &urlTemplate, const QString &cacheDir, const QString &attribution) {
  for (const auto &reply : std::as_const(m_inFlight)) {
    if (reply)
      reply->abort();
  }
  m_inFlight.clear();
  m_queue.clear();
  m_failed.clear();
  m_template = urlTemplate;
  m_attribution = attribution;
  m_cache = std::make_unique<TileCache>(cacheDir, urlTemplate);
  setOffline(false, {});
}

void TileFetcher::setEnabled(bool on) {
  m_enabled = on;
  if (!on)
    m_queue.clear();
}

void TileFetcher::request(const std::vector<TileKey> &keys) {
  if (!m_enabled || !m_cache)
    return;
  const QDateTime now = QDateTime::currentDateTimeUtc();
  bool changed = false;
  for (const TileKey &k : keys) {
    if (m_inFlight.contains(k) || std::find(m_queue.begin(), m_queue.end(), k) != m_queue.end())
      continue;
    if (m_cache->contains(k)) {
      changed = true;
      continue;
    }
    const auto failed = m_failed.constFind(k);
    if (failed != m_failed.constEnd() && failed->secsTo(now) < 30)
      continue;
    m_queue.push_back(k);
  }
  if (changed)
    Q_EMIT tilesChanged();
  pump();
}

QHash<TileKey, QImage> TileFetcher::snapshot(const std::vector<TileKey> &keys) {
  QHash<TileKey, QImage> out;
  if (!m_cache)
    return out;
  for (const TileKey &k : keys) {
    QImage img = m_cache->load(k);
    if (!img.isNull())
      out.insert(k, img);
  }
  return out;
}

void TileFetcher::pump() {
  while (m_inFlight.size() < kMaxParallel && !m_queue.empty()) {
    const TileKey key = m_queue.front();
    m_queue.erase(m_queue.begin());
    QNetworkRequest req{QUrl(tileUrl(m_template, key))};
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QStringLiteral("StreetLens/%1 (desktop geolocation workbench)")
                      .arg(QStringLiteral(STREETLENS_VERSION)));
    req.setTransferTimeout(10000);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_nam->get(req);
    ++m_networkRequests;
    m_inFlight.insert(key, reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] { finished(reply, key); });
  }
}

void TileFetcher::finished(QNetworkReply *reply, TileKey key) {
  reply->deleteLater();
  if (m_inFlight.value(key) != reply)
    return; // superseded by setSource()
  m_inFlight.remove(key);
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  QString error;
  if (reply->error() != QNetworkReply::NoError) {
    error = QStringLiteral("tile %1: %2").arg(reply->url().toString(), reply->errorString());
    if (status != 0)
      error += QStringLiteral(" (HTTP status %1)").arg(status);
  } else if (status != 200) {
    error = QStringLiteral("tile %1: HTTP status %2").arg(reply->url().toString()).arg(status);
  } else if (!m_cache->store(key, reply->readAll(), &error)) {
    error = QStringLiteral("%1 (from %2)").arg(error, reply->url().toString());
  }
  if (error.isEmpty()) {
    setOffline(false, {});
    Q_EMIT tilesChanged();
  } else {
    m_failed.insert(key, QDateTime::currentDateTimeUtc());
    setOffline(true, error);
  }
  pump();
}

void TileFetcher::setOffline(bool offline, const QString &error) {
  if (!error.isEmpty())
    m_lastError = error;
  if (offline == m_offline)
    return;
  m_offline = offline;
  Q_EMIT offlineChanged(offline);
}

} // namespace streetlens::ui
