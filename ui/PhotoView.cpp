#include "ui/PhotoView.h"

#include "core/imageio/ImageLoader.h"
#include "core/imageio/Thumbnail.h"

#include <QFileInfo>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

namespace {
constexpr int kPreviewSide = 2048;
QImage loadPreview(const QString &path) {
  QString err;
  const auto img = loadImage(path, ImageLimits{}, &err);
  if (!img)
    return {};
  return makeThumbnail(img->image, kPreviewSide);
}
} // namespace

PhotoView::PhotoView(QWidget *parent) : QWidget(parent) {
  setMinimumSize(240, 180);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, [this] {
    if (m_watcher.property("generation").toInt() != m_generation)
      return;
    const QImage img = m_watcher.result();
    if (img.isNull()) {
      m_error = tr("The photo could not be read.");
    } else {
      m_image = img;
      m_error.clear();
    }
    update();
    Q_EMIT photoLoaded(m_path);
  });
}

PhotoView::~PhotoView() {
  m_watcher.waitForFinished();
}

void PhotoView::showPhoto(const QString &path, const QImage &placeholder, const QImage &preview) {
  if (path == m_path && !m_image.isNull() && (preview.isNull() || m_image.cacheKey() == preview.cacheKey()))
    return;
  m_path = path;
  m_message.clear();
  m_error.clear();
  m_image = preview.isNull() ? placeholder : preview;
  ++m_generation;
  if (!preview.isNull()) { // decoded by the pipeline already: no decode here
    update();
    Q_EMIT photoLoaded(path);
    return;
  }
  m_watcher.setProperty("generation", m_generation);
  m_watcher.setFuture(QtConcurrent::run(loadPreview, path));
  update();
}

void PhotoView::showMessage(const QString &text) {
  ++m_generation;
  m_path.clear();
  m_image = {};
  m_message = text;
  update();
}

void PhotoView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0x26, 0x28, 0x2b));
  if (m_image.isNull()) {
    p.setPen(QColor(0xb8, 0xbc, 0xc2));
    p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
               !m_error.isEmpty() ? m_error : m_message);
    return;
  }
  const QRect area = rect().adjusted(8, 8, -8, -28);
  QSize s = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
  if (s.width() > m_image.width() * 2) // do not blow up tiny thumbnails too much
    s = m_image.size() * 2;
  const QRect target(area.center().x() - s.width() / 2, area.center().y() - s.height() / 2, s.width(),
                     s.height());
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  p.drawImage(target, m_image);
  p.setPen(QColor(0xd8, 0xdb, 0xe0));
  p.drawText(QRect(8, height() - 24, width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
             QFileInfo(m_path).fileName());
}

} // namespace streetlens::ui
