#include "core/imageio/ImageLoader.h"

#include "core/imageio/ImageDecode.h"
#include "core/imageio/Orientation.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <atomic>
#include <exception>
#include <new>
#include <utility>

namespace streetlens {

namespace {

std::nullopt_t fail(QString *error, const QString &name, const QString &problem) {
  if (error)
    *error = name + QStringLiteral(": ") + problem;
  return std::nullopt;
}

QString tooLarge(qint64 size, qint64 limit) {
  return QStringLiteral("file is %1 bytes, above the limit of %2").arg(size).arg(limit);
}

} // namespace

namespace detail {
std::atomic<qint64> g_decodeCount{0};
}

qint64 imageDecodeCount() {
  return detail::g_decodeCount.load(std::memory_order_relaxed);
}

std::optional<LoadedImage> loadImage(const QString &path, const ImageLimits &limits, QString *error) {
  try {
    const QFileInfo info(path);
    if (!info.exists())
      return fail(error, path, QStringLiteral("file not found"));
    if (!info.isFile())
      return fail(error, path, QStringLiteral("not a regular file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
      return fail(error, path, QStringLiteral("cannot open (%1)").arg(file.errorString()));
    // The size of the open file, not the path's earlier stat(), and a buffer of exactly that: Qt's
    // read(maxSize) reserves maxSize up front, so reading "up to the limit" cost a 1 GiB allocation
    // per image. One byte more shows a file that grew while it was being read.
    const qint64 size = file.size();
    if (size > limits.maxFileBytes)
      return fail(error, path, tooLarge(size, limits.maxFileBytes));
    const QByteArray bytes = file.read(size + 1);
    if (file.error() != QFileDevice::NoError)
      return fail(error, path, QStringLiteral("read error (%1)").arg(file.errorString()));
    if (bytes.size() != size)
      return fail(error, path, QStringLiteral("the file changed while it was being read"));
    return loadImageFromBytes(bytes, path, limits, error);
  } catch (const std::bad_alloc &) {
    return fail(error, path, QStringLiteral("out of memory while reading the file"));
  } catch (const std::exception &e) {
    return fail(error, path, QString::fromUtf8(e.what()));
  }
}

std::optional<LoadedImage> loadImageFromBytes(const QByteArray &bytes, const QString &nameForErrors,
                                              const ImageLimits &limits, QString *error) {
  try {
    if (bytes.size() > limits.maxFileBytes)
      return fail(error, nameForErrors, tooLarge(bytes.size(), limits.maxFileBytes));
    QString problem;
    const std::optional<ImageProbe> probe = probeImage(bytes, &problem);
    if (!probe)
      return fail(error, nameForErrors, problem);
    if (!checkImageLimits(*probe, limits, &problem))
      return fail(error, nameForErrors, problem);
    detail::g_decodeCount.fetch_add(1, std::memory_order_relaxed);
    std::optional<RgbImage> decoded = detail::decodeRgb(bytes, *probe, limits, &problem);
    if (!decoded)
      return fail(error, nameForErrors, problem);
    LoadedImage out;
    out.probe = *probe;
    out.exif = readExif(bytes);
    out.image = out.exif.orientation == 1 ? std::move(*decoded)
                                          : applyExifOrientation(*decoded, out.exif.orientation);
    out.sha256Hex = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    return out;
  } catch (const std::bad_alloc &) {
    return fail(error, nameForErrors, QStringLiteral("out of memory while loading the image"));
  } catch (const std::exception &e) {
    return fail(error, nameForErrors, QString::fromUtf8(e.what()));
  } catch (...) {
    return fail(error, nameForErrors, QStringLiteral("unexpected error while loading the image"));
  }
}

} // namespace streetlens
