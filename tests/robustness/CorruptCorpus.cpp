#include "tests/robustness/CorruptCorpus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace streetlens::test {
namespace {

void write(const QString &path, const QByteArray &bytes) {
  QFile f(path);
  if (f.open(QIODevice::WriteOnly))
    f.write(bytes);
}

// Rewrites a PNG's IHDR width/height (big-endian at 16 and 20) — a decompression bomb header.
QByteArray pngWithSize(QByteArray png, quint32 w, quint32 h) {
  if (png.size() < 24)
    return png;
  for (int i = 0; i < 4; ++i) {
    png[16 + i] = char((w >> (24 - 8 * i)) & 0xff);
    png[20 + i] = char((h >> (24 - 8 * i)) & 0xff);
  }
  return png;
}

// Rewrites the first JPEG SOF0/SOF2 frame size.
QByteArray jpegWithSize(QByteArray jpg, quint16 w, quint16 h) {
  for (int i = 2; i + 9 < jpg.size(); ++i) {
    const uchar m = uchar(jpg[i + 1]);
    if (uchar(jpg[i]) == 0xFF && (m == 0xC0 || m == 0xC2)) {
      jpg[i + 5] = char(h >> 8);
      jpg[i + 6] = char(h & 0xff);
      jpg[i + 7] = char(w >> 8);
      jpg[i + 8] = char(w & 0xff);
      break;
    }
  }
  return jpg;
}

} // namespace

QStringList makeCorruptCorpus(const QString &dir, const QStringList &seeds, int count) {
  QDir().mkpath(dir);
  QStringList out;
  QRandomGenerator rng(20261125);
  auto add = [&](const QString &name, const QByteArray &bytes) {
    const QString path =
        QDir(dir).filePath(QStringLiteral("%1_%2").arg(out.size(), 5, 10, QLatin1Char('0')).arg(name));
    write(path, bytes);
    out << path;
  };
  // Fixed extreme cases.
  add(QStringLiteral("empty.jpg"), {});
  add(QStringLiteral("text.jpg"), "this is not an image\n");
  add(QStringLiteral("zeros.png"), QByteArray(4096, '\0'));
  add(QStringLiteral("random.webp"), QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) + QByteArray(64, '\x55'));
  add(QStringLiteral("tiff_magic_only.tif"), QByteArray("II*\0", 4));
  add(QStringLiteral("gif_magic_only.gif"), QByteArray("GIF89a"));
  add(QStringLiteral("bmp_magic_only.bmp"), QByteArray("BM"));
  QList<QByteArray> seedBytes;
  for (const QString &s : seeds) {
    QFile f(s);
    if (f.open(QIODevice::ReadOnly))
      seedBytes << f.readAll();
  }
  for (int i = 0; i < seeds.size(); ++i) {
    const QByteArray &b = seedBytes[i];
    const QString ext = QFileInfo(seeds[i]).suffix();
    if (b.startsWith("\x89PNG")) {
      add(QStringLiteral("bomb.png"), pngWithSize(b, 65535, 65535));
      add(QStringLiteral("zero_w.png"), pngWithSize(b, 0, 10));
      add(QStringLiteral("huge_w.png"), pngWithSize(b, 0x7fffffff, 1));
    }
    if (b.startsWith("\xFF\xD8")) {
      add(QStringLiteral("bomb.jpg"), jpegWithSize(b, 65535, 65535));
      add(QStringLiteral("zero.jpg"), jpegWithSize(b, 0, 0));
    }
    add(QStringLiteral("header_only.") + ext, b.left(32));
  }
  // Random mutations of the seeds until `count` files exist.
  while (out.size() < count && !seedBytes.isEmpty()) {
    const int s = int(rng.bounded(quint32(seedBytes.size())));
    QByteArray b = seedBytes[s];
    const QString ext = QFileInfo(seeds[s]).suffix();
    switch (rng.bounded(5)) {
    case 0: // flip bytes
      for (int k = 0, n = 1 + int(rng.bounded(16)); k < n && !b.isEmpty(); ++k)
        b[int(rng.bounded(quint32(b.size())))] = char(rng.bounded(256));
      add(QStringLiteral("flip.") + ext, b);
      break;
    case 1: // truncate
      add(QStringLiteral("trunc.") + ext,
          b.left(int(rng.bounded(quint32(std::max<qsizetype>(1, b.size()))))));
      break;
    case 2: // flip bytes in the header region only
      for (int k = 0; k < 4 && b.size() > 8; ++k)
        b[int(rng.bounded(quint32(std::min<qsizetype>(b.size(), 200))))] = char(rng.bounded(256));
      add(QStringLiteral("hdr.") + ext, b);
      break;
    case 3: // splice junk in the middle
      b.insert(int(rng.bounded(quint32(std::max<qsizetype>(1, b.size())))),
               QByteArray(int(1 + rng.bounded(512)), char(rng.bounded(256))));
      add(QStringLiteral("splice.") + ext, b);
      break;
    default: // duplicate a chunk (repeated markers / chunks)
      if (b.size() > 64) {
        const int from = int(rng.bounded(quint32(b.size() - 32)));
        b.insert(from, b.mid(from, 32));
      }
      add(QStringLiteral("dup.") + ext, b);
      break;
    }
  }
  return out;
}

} // namespace streetlens::test
