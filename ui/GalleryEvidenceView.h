#pragma once
// GalleryEvidenceView: the results panel's "Reference gallery" section — for one result with
// gallery evidence (ImageResult::gallery), the gallery's estimate, whether it was fused into the
// estimate, the zero-shot estimate and the km between the two, and the neighbours as evidence:
// thumbnail, file name, distance from the gallery estimate, similarity and weight. Thumbnails are
// read on a pool thread (scaled while decoding) into a small cache shared by all views; a file that
// cannot be read shows a placeholder. Lives on the GUI thread.
#include "core/analysis/GeoResult.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace streetlens::ui {

class GalleryEvidenceView : public QWidget {
  Q_OBJECT
public:
  enum Column { PhotoColumn, DistanceColumn, SimilarityColumn, WeightColumn, ColumnCount };
  static constexpr int kThumbnailSide = 36;

  explicit GalleryEvidenceView(QWidget *parent = nullptr);
  ~GalleryEvidenceView() override;
  void setEvidence(const GalleryEvidence &evidence);

  // For tests and screenshots.
  QString summaryText() const;
  QTableWidget *neighbours() const { return m_table; }
  bool isLoadingThumbnails() const { return m_watcher.isRunning(); }

Q_SIGNALS:
  void thumbnailsLoaded();

private:
  struct Thumb {
    QString path;
    QImage image; // null: unreadable (placeholder)
  };
  void loadThumbnails();
  void showThumbnail(int row, const QImage &image);

  QLabel *m_summary;
  QTableWidget *m_table;
  QStringList m_paths; // of the rows shown
  QFutureWatcher<std::vector<Thumb>> m_watcher;
  bool m_reload = false;
};

} // namespace streetlens::ui
