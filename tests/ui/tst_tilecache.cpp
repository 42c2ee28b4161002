// Online tiles: URL templates, which tiles a view needs, the disk cache and the fetcher against a
// local HTTP server on 127.0.0.1 (never the internet), including the offline state.
#include "ui/map/TileSource.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace streetlens::ui;

// Serves GET /<z>/<x>/<y>.png as a 256 x 256 PNG (colour from the key); /fail/... answers 500.
class TinyTileServer : public QObject {
public:
  TinyTileServer() {
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
      while (QTcpSocket *s = m_server.nextPendingConnection()) {
        connect(s, &QTcpSocket::readyRead, s, [this, s] { serve(s); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
      }
    });
  }
  bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
  quint16 port() const { return m_server.serverPort(); }
  QStringList paths;

private:
  void serve(QTcpSocket *s) {
    QByteArray &buf = m_buffers[s];
    buf += s->readAll();
    if (!buf.contains("\r\n\r\n"))
      return;
    const QList<QByteArray> first = buf.left(buf.indexOf("\r\n")).split(' ');
    const QString path = first.size() > 1 ? QString::fromLatin1(first[1]) : QString();
    paths << path;
    QByteArray body, status = "200 OK";
    if (path.startsWith(QLatin1String("/fail/"))) {
      status = "500 Internal Server Error";
      body = "no";
    } else {
      QImage img(256, 256, QImage::Format_RGB32);
      img.fill(QColor::fromHsv((path.size() * 37) % 360, 200, 200));
      QBuffer b(&body);
      b.open(QIODevice::WriteOnly);
      img.save(&b, "PNG");
    }
    s->write("HTTP/1.1 " + status + "\r\nContent-Type: image/png\r\nContent-Length: " +
             QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    s->disconnectFromHost();
    m_buffers.remove(s);
  }
  QTcpServer m_server;
  QHash<QTcpSocket *, QByteArray> m_buffers;
};

class TestTileCache : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void url_data();
  void url();
  void templateValidation_data();
  void templateValidation();
  void tilesForView_data();
  void tilesForView();
  void fetchAndCache();
  void offlineState();
  void notAnImage();
};

void TestTileCache::url_data() {
  QTest::addColumn<QString>("tmpl");
  QTest::addColumn<int>("z");
  QTest::addColumn<int>("x");
  QTest::addColumn<int>("y");
  QTest::addColumn<QString>("expected");
  const QString osm = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  QTest::newRow("osm") << osm << 5 << 16 << 11 << "https://tile.openstreetmap.org/5/16/11.png";
  QTest::newRow("osm-zoom0") << osm << 0 << 0 << 0 << "https://tile.openstreetmap.org/0/0/0.png";
  QTest::newRow("subdomain") << "https://{s}.tile.example.org/{z}/{x}/{y}.png" << 3 << 1 << 1
                             << "https://c.tile.example.org/3/1/1.png";
  QTest::newRow("tms-row") << "http://tms.example.org/{z}/{x}/{-y}.png" << 2 << 1 << 0
                           << "http://tms.example.org/2/1/3.png";
  QTest::newRow("x-out-of-range") << osm << 2 << 4 << 0 << "";
  QTest::newRow("y-negative") << osm << 2 << 0 << -1 << "";
  QTest::newRow("zoom-too-deep") << osm << 23 << 0 << 0 << "";
}

void TestTileCache::url() {
  QFETCH(QString, tmpl);
  QFETCH(int, z);
  QFETCH(int, x);
  QFETCH(int, y);
  QFETCH(QString, expected);
  QCOMPARE(tileUrl(tmpl, {z, x, y}), expected);
}

void TestTileCache::templateValidation_data() {
  QTest::addColumn<QString>("tmpl");
  QTest::addColumn<bool>("ok");
  QTest::newRow("osm") << "https://tile.openstreetmap.org/{z}/{x}/{y}.png" << true;
  QTest::newRow("no-y") << "https://tile.openstreetmap.org/{z}/{x}.png" << false;
  QTest::newRow("ftp") << "ftp://tiles/{z}/{x}/{y}.png" << false;
  QTest::newRow("not-a-url") << "{z}{x}{y}" << false;
}

void TestTileCache::templateValidation() {
  QFETCH(QString, tmpl);
  QFETCH(bool, ok);
  QString error;
  QCOMPARE(isValidTileTemplate(tmpl, &error), ok);
  QCOMPARE(error.isEmpty(), ok);
}

void TestTileCache::tilesForView_data() {
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("zoom");
  QTest::addColumn<QSize>("size");
  QTest::addColumn<QList<int>>("xs"); // tile columns, left to right
  QTest::addColumn<int>("rows");
  QTest::newRow("whole-world-zoom0") << 0.0 << 0.0 << QSize(256, 256) << QList<int>{0} << 1;
  QTest::newRow("zoom1-centre") << 0.0 << 1.0 << QSize(512, 512) << QList<int>{0, 1} << 2;
  // Centred on the antimeridian at zoom 2 (4 columns): the last column then the first.
  QTest::newRow("across-date-line") << 180.0 << 2.0 << QSize(256, 256) << QList<int>{3, 0} << 2;
}

void TestTileCache::tilesForView() {
  QFETCH(double, lon);
  QFETCH(double, zoom);
  QFETCH(QSize, size);
  QFETCH(QList<int>, xs);
  QFETCH(int, rows);
  const MapViewport vp({0.0, lon}, zoom, size);
  const auto tiles = tilesFor(vp, tileZoomFor(zoom));
  QCOMPARE(static_cast<int>(tiles.size()), static_cast<int>(xs.size()) * rows);
  for (int i = 0; i < static_cast<int>(xs.size()); ++i)
    QCOMPARE(tiles[static_cast<size_t>(i)].key.x, xs[i]);
  QCOMPARE(tiles.front().pixelRect.width(), 256.0 * std::exp2(zoom - tileZoomFor(zoom)));
  // Tiles are adjacent: each starts where the previous one ends.
  if (tiles.size() > 1 && xs.size() > 1)
    QVERIFY(std::abs(tiles[1].pixelRect.left() - tiles[0].pixelRect.right()) < 1e-9);
}

void TestTileCache::fetchAndCache() {
  TinyTileServer server;
  QVERIFY(server.listen());
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString tmpl = QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port());
  const std::vector<TileKey> keys{{2, 1, 1}, {2, 2, 1}, {2, 3, 1}};
  {
    TileFetcher fetcher;
    fetcher.setSource(tmpl, dir.path(), QStringLiteral("© Test tiles"));
    fetcher.setEnabled(true);
    QSignalSpy changed(&fetcher, &TileFetcher::tilesChanged);
    fetcher.request(keys);
    QTRY_COMPARE_WITH_TIMEOUT(fetcher.pendingCount(), 0, 10000);
    QCOMPARE(fetcher.networkRequestCount(), 3);
    QCOMPARE(changed.count(), 3);
    QVERIFY(!fetcher.isOffline());
    QCOMPARE(fetcher.snapshot(keys).size(), 3);
    QCOMPARE(fetcher.snapshot(keys).value({2, 2, 1}).size(), QSize(256, 256));
    QCOMPARE(server.paths.size(), 3);
    QVERIFY(server.paths.contains(QStringLiteral("/2/2/1.png")));
    // Asking again does not hit the network.
    fetcher.request(keys);
    QCOMPARE(fetcher.pendingCount(), 0);
    QCOMPARE(fetcher.networkRequestCount(), 3);
  }
  // A new fetcher (a new session) reads the disk cache.
  TileFetcher again;
  again.setSource(tmpl, dir.path(), {});
  again.setEnabled(true);
  TileCache cache(dir.path(), tmpl);
  QVERIFY(QFileInfo::exists(cache.pathFor({2, 3, 1})));
  again.request(keys);
  QCOMPARE(again.networkRequestCount(), 0);
  QCOMPARE(again.snapshot(keys).size(), 3);
  QCOMPARE(server.paths.size(), 3);
  // Disabled: nothing is requested.
  TileFetcher off;
  off.setSource(tmpl, dir.path() + "/other", {});
  off.request({{3, 0, 0}});
  QCOMPARE(off.networkRequestCount(), 0);
}

void TestTileCache::offlineState() {
  TinyTileServer server;
  QVERIFY(server.listen());
  QTemporaryDir dir;
  TileFetcher fetcher;
  QSignalSpy offline(&fetcher, &TileFetcher::offlineChanged);
  fetcher.setEnabled(true);
  // HTTP error.
  fetcher.setSource(QStringLiteral("http://127.0.0.1:%1/fail/{z}/{x}/{y}.png").arg(server.port()), dir.path(),
                    {});
  fetcher.request({{1, 0, 0}});
  QTRY_VERIFY_WITH_TIMEOUT(fetcher.isOffline(), 10000);
  QVERIFY(fetcher.lastError().contains(QStringLiteral("500")));
  QCOMPARE(offline.count(), 1);
  // A failed tile is not retried at once.
  fetcher.request({{1, 0, 0}});
  QCOMPARE(fetcher.networkRequestCount(), 1);
  // Nothing listening: connection refused.
  QTcpServer closed;
  QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
  const quint16 deadPort = closed.serverPort();
  closed.close();
  fetcher.setSource(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(deadPort), dir.path(), {});
  QVERIFY(!fetcher.isOffline()); // a new source starts fresh
  fetcher.request({{1, 1, 1}});
  QTRY_VERIFY_WITH_TIMEOUT(fetcher.isOffline(), 10000);
  // Back online.
  fetcher.setSource(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port()), dir.path(), {});
  fetcher.request({{1, 1, 1}});
  QTRY_COMPARE_WITH_TIMEOUT(fetcher.pendingCount(), 0, 10000);
  QVERIFY(!fetcher.isOffline());
  QCOMPARE(fetcher.snapshot({{1, 1, 1}}).size(), 1);
}

void TestTileCache::notAnImage() {
  QTemporaryDir dir;
  TileCache cache(dir.path(), QStringLiteral("http://x/{z}/{x}/{y}.png"));
  QString error;
  QVERIFY(!cache.store({1, 0, 0}, QByteArray("<html>rate limited</html>"), &error));
  QVERIFY(error.contains(QStringLiteral("not an image")));
  QVERIFY(!cache.contains({1, 0, 0}));
  QVERIFY(cache.load({1, 0, 0}).isNull());
}

QTEST_MAIN(TestTileCache)
#include "tst_tilecache.moc"
