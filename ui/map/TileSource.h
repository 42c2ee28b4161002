#pragma once
// Online XYZ raster tiles (OpenStreetMap style), off by default: tile keys and URL templates,
// which tiles a viewport needs, a disk + memory cache, and a fetcher on QNetworkAccessManager.
// TileKey / tileUrl / tilesFor are pure (any thread). TileCache is used by one thread at a time.
// TileFetcher is a QObject living on the GUI thread; render jobs get a snapshot of its images.
#include "ui/map/MapViewport.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QSet>
#include <QString>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QPainter;
class QNetworkReply;

namespace streetlens::ui {

struct TileKey {
  int z = 0, x = 0, y = 0;
  friend bool operator==(const TileKey &, const TileKey &) = default;
};
inline size_t qHash(const TileKey &k, size_t seed = 0) {
  return ::qHash((static_cast<quint64>(k.z) << 48) ^ (static_cast<quint64>(k.x) << 24) ^
                     static_cast<quint64>(k.y),
                 seed);
}

// A tile and where it goes in the view (x wraps around the antimeridian).
struct TilePlacement {
  TileKey key;
  QRectF pixelRect;
};

// Fills {z}, {x}, {y}, {-y} (TMS row) and {s} (subdomain a/b/c chosen by (x + y) % 3). Empty when
// the key is out of range (z outside 0..22, x or y outside 0..2^z-1).
QString tileUrl(const QString &urlTemplate, const TileKey &key);
// True when the template names {z}, {x} and {y} (or {-y}) and is an http(s) URL.
bool isValidTileTemplate(const QString &urlTemplate, QString *error = nullptr);
// Tile zoom for a viewport zoom (rounded, clamped to 0..maxZoom).
int tileZoomFor(double zoom, int maxZoom = 19);
// Tiles covering the viewport at tile zoom z (rows outside the world skipped).
std::vector<TilePlacement> tilesFor(const MapViewport &vp, int z);
// Paints the tiles available in `images` (missing ones are left as they are).
void paintTiles(QPainter &p, const std::vector<TilePlacement> &tiles, const QHash<TileKey, QImage> &images);

// Disk cache <dir>/<hash of template>/<z>/<x>/<y>.png plus a small memory cache.
class TileCache {
public:
  TileCache(QString dir, QString urlTemplate);
  QString directory() const { return m_dir; }
  QString pathFor(const TileKey &key) const;
  // Memory, then disk; a null image when the tile is not cached (or the file is unreadable).
  QImage load(const TileKey &key);
  // Decodes and stores `bytes`; false (nothing stored) when they are not an image.
  bool store(const TileKey &key, const QByteArray &bytes, QString *error = nullptr);
  bool contains(const TileKey &key) const;

private:
  QString m_dir;
  QCache<TileKey, QImage> m_memory{256};
};

class TileFetcher : public QObject {
  Q_OBJECT
public:
  static constexpr int kMaxParallel = 4;

  explicit TileFetcher(QObject *parent = nullptr);
  ~TileFetcher() override;

  // A template change clears pending requests and the offline state.
  void setSource(const QString &urlTemplate, const QString &cacheDir, const QString &attribution);
  QString urlTemplate() const { return m_template; }
  QString attribution() const { return m_attribution; }
  void setEnabled(bool on);
  bool isEnabled() const { return m_enabled; }
  // True after a fetch failed (network error, timeout, HTTP error) until one succeeds.
  bool isOffline() const { return m_offline; }
  QString lastError() const { return m_lastError; }

  // Queues the keys that are neither cached nor failed in the last 30 s.
  void request(const std::vector<TileKey> &keys);
  // The cached images of `keys` (for a render job).
  QHash<TileKey, QImage> snapshot(const std::vector<TileKey> &keys);
  int pendingCount() const { return static_cast<int>(m_queue.size() + m_inFlight.size()); }
  int networkRequestCount() const { return m_networkRequests; }

Q_SIGNALS:
  void tilesChanged(); // new tiles are available
  void offlineChanged(bool offline);

private:
  void pump();
  void finished(QNetworkReply *reply, TileKey key);
  void setOffline(bool offline, const QString &error);

  QNetworkAccessManager *m_nam;
  std::unique_ptr<TileCache> m_cache;
  QString m_template, m_attribution;
  bool m_enabled = false;
  bool m_offline = false;
  QString m_lastError;
  std::vector<TileKey> m_queue;
  QHash<TileKey, QPointer<QNetworkReply>> m_inFlight;
  QHash<TileKey, QDateTime> m_failed;
  int m_networkRequests = 0;
};

} // namespace streetlens::ui
