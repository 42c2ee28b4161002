#include "ui/GalleryEvidenceView.h"

#include "core/geo/GreatCircle.h"
#include "ui/PlaceNames.h"

#include <QCache>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMutex>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>

namespace streetlens::ui {

namespace {

// Thumbnails read before, by path (shared by every view; any thread).
QMutex cacheMutex;
QCache<QString, QImage> &cache() {
  static QCache<QString, QImage> c(256);
  return c;
}

QImage readThumbnail(const QString &path) {
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QSize size = reader.size();
  if (size.isValid())
    reader.setScaledSize(size.scaled(GalleryEvidenceView::kThumbnailSide, GalleryEvidenceView::kThumbnailSide,
                                     Qt::KeepAspectRatio));
  return reader.read();
}

QIcon placeholder() {
  QPixmap pm(GalleryEvidenceView::kThumbnailSide, GalleryEvidenceView::kThumbnailSide);
  pm.fill(QColor(0xe0, 0xe0, 0xe0));
  QPainter p(&pm);
  p.setPen(QPen(QColor(0xa0, 0xa0, 0xa0), 2));
  p.drawLine(8, 8, pm.width() - 8, pm.height() - 8);
  p.drawLine(pm.width() - 8, 8, 8, pm.height() - 8);
  return QIcon(pm);
}
} // namespace

GalleryEvidenceView::GalleryEvidenceView(QWidget *parent) : QWidget(parent) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_summary = new QLabel(this);
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_summary);
  m_table = new QTableWidget(0, ColumnCount, this);
  m_table->setObjectName(QStringLiteral("galleryNeighbours"));
  // Short headers: the panel is narrow and the file names need the room (tooltips say more).
  m_table->setHorizontalHeaderLabels({tr("Gallery photo"), tr("km"), tr("Sim."), tr("Weight")});
  m_table->horizontalHeaderItem(DistanceColumn)->setToolTip(tr("Distance from the gallery estimate, km"));
  m_table->horizontalHeaderItem(SimilarityColumn)
      ->setToolTip(tr("Cosine similarity of the two photos' image embeddings (1 = the same picture)"));
  m_table->horizontalHeaderItem(WeightColumn)->setToolTip(tr("Share of this photo in the gallery's density"));
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(kThumbnailSide + 4);
  m_table->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
  m_table->setTextElideMode(Qt::ElideMiddle);
  m_table->setWordWrap(true);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setSectionResizeMode(PhotoColumn, QHeaderView::Stretch);
  for (int c = DistanceColumn; c < ColumnCount; ++c)
    m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  m_table->setMinimumHeight(5 * (kThumbnailSide + 4) + m_table->horizontalHeader()->sizeHint().height());
  layout->addWidget(m_table);
  connect(&m_watcher, &QFutureWatcher<std::vector<Thumb>>::finished, this, [this] {
    const std::vector<Thumb> thumbs = m_watcher.result();
    for (const Thumb &t : thumbs) {
      const int row = int(m_paths.indexOf(t.path));
      if (row >= 0)
        showThumbnail(row, t.image);
    }
    if (m_reload) {
      m_reload = false;
      loadThumbnails();
    } else {
      Q_EMIT thumbnailsLoaded();
    }
  });
}

GalleryEvidenceView::~GalleryEvidenceView() {
  m_watcher.waitForFinished();
}

QString GalleryEvidenceView::summaryText() const {
  return m_summary->text();
}

void GalleryEvidenceView::setEvidence(const GalleryEvidence &e) {
  QString text = tr("<b>Gallery estimate:</b> %1").arg(formatCoordinates(e.estimate));
  text += QStringLiteral("<br>") +
          (e.fused ? tr("Fused with the model's probabilities into the estimate above.")
                   : tr("Shown only: not fused into the estimate (weight 0, or no place lists)."));
  if (e.zeroShotEstimate) {
    const double km = geo::haversineKm(*e.zeroShotEstimate, e.estimate);
    text += QStringLiteral("<br>") + tr("<b>Zero-shot estimate:</b> %1 (%2), %3 km from the gallery's")
                                         .arg(e.zeroShotLabel.toHtmlEscaped(),
                                              formatCoordinates(*e.zeroShotEstimate), formatKmNumber(km));
  }
  text += QStringLiteral("<br>") + tr("%n neighbour(s) in %1", nullptr, int(e.neighbours.size()))
                                       .arg(QFileInfo(e.index).fileName().toHtmlEscaped());
  m_summary->setText(text);
  m_summary->setToolTip(QDir::toNativeSeparators(e.index));

  m_table->setRowCount(int(e.neighbours.size()));
  m_paths.clear();
  const QIcon none = placeholder();
  for (int row = 0; row < int(e.neighbours.size()); ++row) {
    const GalleryNeighbour &n = e.neighbours[size_t(row)];
    m_paths << n.path;
    auto *photo = new QTableWidgetItem(none, QFileInfo(n.path).fileName());
    photo->setToolTip(QDir::toNativeSeparators(n.path) + QLatin1Char('\n') + formatCoordinates(n.location));
    photo->setData(Qt::UserRole, n.path);
    auto *distance = new QTableWidgetItem(formatKmNumber(n.distanceKm));
    distance->setData(Qt::UserRole, n.distanceKm);
    auto *score = new QTableWidgetItem(QLocale().toString(n.score, 'f', 3));
    score->setData(Qt::UserRole, n.score);
    auto *weight =
        new QTableWidgetItem(QStringLiteral("%1 %").arg(QLocale().toString(100 * n.weight, 'f', 1)));
    weight->setData(Qt::UserRole, n.weight);
    for (QTableWidgetItem *item : {distance, score, weight})
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, PhotoColumn, photo);
    m_table->setItem(row, DistanceColumn, distance);
    m_table->setItem(row, SimilarityColumn, score);
    m_table->setItem(row, WeightColumn, weight);
  }
  loadThumbnails();
}

void GalleryEvidenceView::loadThumbnails() {
  if (m_watcher.isRunning()) { // the newest rows are loaded when this batch is done
    m_reload = true;
    return;
  }
  QStringList missing;
  {
    QMutexLocker lock(&cacheMutex);
    for (int row = 0; row < m_paths.size(); ++row)
      if (const QImage *img = cache().object(m_paths[row]))
        showThumbnail(row, *img);
      else
        missing << m_paths[row];
  }
  missing.removeDuplicates();
  if (missing.isEmpty()) {
    Q_EMIT thumbnailsLoaded();
    return;
  }
  m_watcher.setFuture(QtConcurrent::run([missing] {
    std::vector<Thumb> out;
    for (const QString &path : missing) {
      QImage img = readThumbnail(path);
      {
        QMutexLocker lock(&cacheMutex);
        cache().insert(path, new QImage(img));
      }
      out.push_back({path, std::move(img)});
    }
    return out;
  }));
}

void GalleryEvidenceView::showThumbnail(int row, const QImage &image) {
  if (image.isNull())
    return; // keeps the placeholder
  if (QTableWidgetItem *item = m_table->item(row, PhotoColumn))
    item->setIcon(QIcon(QPixmap::fromImage(image)));
}

} // namespace streetlens::ui
