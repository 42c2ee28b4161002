#include "TestHttpServer.h"

#include <QTcpSocket>

namespace streetlens::test {

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent) {
  connect(&m_server, &QTcpServer::newConnection, this, &TestHttpServer::onConnection);
}

bool TestHttpServer::listen() {
  return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::baseUrl() const {
  return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void TestHttpServer::setRoute(const QByteArray &path, const Route &route) {
  m_routes.insert(path, route);
}

void TestHttpServer::onConnection() {
  while (QTcpSocket *socket = m_server.nextPendingConnection()) {
    auto *buffer = new QByteArray;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, socket, [buffer] { delete buffer; });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
      buffer->append(socket->readAll());
      const int end = buffer->indexOf("\r\n\r\n");
      if (end >= 0 && !socket->property("answered").toBool()) {
        socket->setProperty("answered", true);
        respond(socket, buffer->left(end));
      }
    });
  }
}

void TestHttpServer::respond(QTcpSocket *socket, const QByteArray &head) {
  const QList<QByteArray> lines = head.split('\n');
  const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
  Request req;
  req.path = requestLine.value(1);
  for (const QByteArray &line : lines) {
    if (line.toLower().startsWith("range:"))
      req.range = line.mid(6).trimmed();
  }
  QByteArray out;
  auto it = m_routes.find(req.path);
  if (it == m_routes.end()) {
    req.status = 404;
    out = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found";
    socket->write(out);
    socket->disconnectFromHost();
    m_requests.append(req);
    return;
  }
  Route &route = it.value();
  QByteArray body = route.body;
  int status = route.status;
  QByteArray headers;
  for (const auto &[k, v] : route.headers)
    headers += k + ": " + v + "\r\n";
  const qint64 full = body.size();
  if (status == 200 && req.range.startsWith("bytes=")) {
    const qint64 from = req.range.mid(6, req.range.indexOf('-') - 6).toLongLong();
    if (from >= full) {
      status = 416;
      body.clear();
      headers += "Content-Range: bytes */" + QByteArray::number(full) + "\r\n";
    } else {
      status = 206;
      body = body.mid(from);
      headers += "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(full - 1) +
                 '/' + QByteArray::number(full) + "\r\n";
    }
  }
  req.status = status;
  m_requests.append(req);
  const QByteArray reason = status == 200   ? "OK"
                            : status == 206 ? "Partial Content"
                            : status == 302 ? "Found"
                            : status == 416 ? "Range Not Satisfiable"
                                            : "Status";
  out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers +
        "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
  if (route.drops > 0 && (status == 200 || status == 206)) {
    --route.drops;
    out += body.left(route.dropAfterBytes);
    socket->write(out);
    socket->disconnectFromHost(); // flushes what was written, then closes: the body is cut short
    return;
  }
  out += body;
  socket->write(out);
  socket->disconnectFromHost();
}

} // namespace streetlens::test
