#pragma once
// SelectionPresenter: the one source of truth for what the window shows about the list's
// selection. From the selection and the rows it derives the focus row — the current row when it
// is selected, else the first selected row, none when nothing is selected — and the finished
// results of the selected rows; the photo view and the results panel follow the focus row and
// selectedResultsChanged (the map) follows the results, in the same step, so panel and map never
// disagree (after a project is opened, a click on empty list space, a paste or a removal). It
// also says what is special about the focus row: a file missing on disk, a result computed with
// other settings. The list may show the rows through a sorting/filtering proxy: every row number
// here is the model's (ImageListModel), mapped from and to the view's. Owns nothing it shows.
// GUI thread.
#include "core/analysis/GeoResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <vector>

class QTableView;

namespace streetlens::ui {

class AnalysisController;
class ImageListModel;
class PhotoView;
class ResultsPanel;
struct ImageRow;

class SelectionPresenter : public QObject {
  Q_OBJECT
public:
  SelectionPresenter(QTableView *list, ImageListModel *model, PhotoView *photo, ResultsPanel *panel,
                     const AnalysisController *analysis, QObject *parent = nullptr);
  ~SelectionPresenter() override;

  // The row the panel shows (-1: none), a row of the model.
  int focusRow() const;
  // The selected rows of the model, in model order.
  std::vector<int> selectedRows() const;
  // Results (done) of the selected rows, in model order.
  std::vector<ImageResult> selectedResults() const;
  // The model row of a view index and the view index (column 0) of a model row (invalid when the
  // filter hides it).
  int modelRow(const QModelIndex &viewIndex) const;
  QModelIndex viewIndex(int modelRow) const;
  // What the list shows for a row that is not plain: "" or e.g. the file is missing.
  static QString fileMissingNote(const ImageRow &row);
  // The photo's details as the panel shows them (camera: "" while unknown).
  static QString detailsHtml(const ImageRow &row, const QString &camera);
  // Derives everything again now (e.g. after the engine or the settings changed).
  void refresh();
  // Makes the row of the image with this index in the last selectedResults() the focus row,
  // keeping the selection (a click on a map marker).
  void focusResult(int resultIndex);

Q_SIGNALS:
  void selectedResultsChanged(const std::vector<streetlens::ImageResult> &results);
  void focusChanged(int row);

private:
  void scheduleRefresh();
  void showFocus(int row);

  QTableView *m_list;
  ImageListModel *m_model;
  PhotoView *m_photo;
  ResultsPanel *m_panel;
  const AnalysisController *m_analysis;
  QStringList m_shownShas; // the results last handed to the map, by content hash
  QStringList m_shownKeys; // and which result of each (hash, time, settings)
  int m_shownFocus = -2;
  bool m_refreshPending = false;
  QString m_cameraPath, m_camera; // the camera of the photo shown, read from its EXIF off the GUI thread
  QFutureWatcher<QString> m_cameraWatcher;
};

} // namespace streetlens::ui
