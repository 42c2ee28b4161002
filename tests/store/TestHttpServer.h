#pragma once
// A tiny HTTP/1.1 server for tests on 127.0.0.1 (random port): fixed routes with bodies, Range
// requests (206), redirects with extra headers, 404 for unknown paths, and a scripted number of
// dropped connections (the body is cut after N bytes). One request per connection. Lives on the
// thread of the test (its event loop serves requests while the test waits).
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace streetlens::test {

class TestHttpServer : public QObject {
  Q_OBJECT
public:
  struct Route {
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // extra response headers (Location, X-Linked-Etag)
    int drops = 0;                                    // how many of the next requests are cut off
    qint64 dropAfterBytes = 0;                        // body bytes sent before the cut
  };
  struct Request {
    QByteArray path;  // as sent, percent-encoding kept
    QByteArray range; // Range header ("" when none)
    int status = 0;   // what was answered
  };

  explicit TestHttpServer(QObject *parent = nullptr);
  bool listen();
  QUrl baseUrl() const;
  void setRoute(const QByteArray &path, const Route &route);
  const QList<Request> &requests() const { return m_requests; }

private:
  void onConnection();
  void respond(class QTcpSocket *socket, const QByteArray &head);

  QTcpServer m_server;
  QHash<QByteArray, Route> m_routes;
  QList<Request> m_requests;
};

} // namespace streetlens::test
