#include "ui/PhotoView.h"

#include "core/analysis/ExplanationOverlay.h"
#include "core/imageio/ImageLoader.h"
#include "core/imageio/Thumbnail.h"

#include <QFileInfo>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

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
  m_note.clear();
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

void PhotoView::setExplanation(ExplanationResultPtr e) {
  m_explanation = std::move(e);
  update();
}

void PhotoView::setExplanationOpacity(double opacity) {
  m_opacity = std::clamp(opacity, 0.0, 1.0);
  update();
}

void PhotoView::setNote(const QString &text) {
  if (text == m_note)
    return;
  m_note = text;
  update();
}

void PhotoView::showMessage(const QString &text) {
  ++m_generation;
  m_explanation.reset();
  m_path.clear();
  m_note.clear();
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
  if (m_explanation && m_explanation->path == m_path && m_opacity > 0) {
    // The model's input square within the photo, in the shown image's pixels, then on screen.
    const QRectF in = modelInputRect(m_image.width(), m_image.height(), m_explanation->imageConfig);
    const double sx = double(target.width()) / m_image.width(),
                 sy = double(target.height()) / m_image.height();
    const QRectF onScreen(target.left() + in.left() * sx, target.top() + in.top() * sy, in.width() * sx,
                          in.height() * sy);
    paintExplanation(p, QRectF(target), onScreen, m_explanation->grid, m_opacity);
  }
  p.setPen(QColor(0xd8, 0xdb, 0xe0));
  p.drawText(QRect(8, height() - 24, width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
             QFileInfo(m_path).fileName());
  // A note (file missing) or a read error over a stored copy: a banner at the top.
  const QString banner = !m_note.isEmpty() ? m_note : m_error;
  if (!banner.isEmpty()) {
    const QRect box(8, 8, width() - 16, 0);
    const QRect text = p.fontMetrics().boundingRect(box.adjusted(10, 6, -10, 0), Qt::TextWordWrap, banner);
    const QRect back(box.left(), box.top(), box.width(), text.height() + 12);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xf3, 0xcd, 235));
    p.drawRoundedRect(back, 4, 4);
    p.setPen(QColor(0x66, 0x4d, 0x03));
    p.drawText(back.adjusted(10, 6, -10, -6), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, banner);
  }
}

} // namespace streetlens::ui
