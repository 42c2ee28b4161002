#pragma once
// Helpers for the window tests of issue 18: a MainWindow with a MapView (as the app builds it)
// and a FakeEngine, photos analysed to the end, and the check that the photo view, the results
// panel and the map show the same selection. Test thread only.
#include "AppTestUtil.h"
#include "core/store/ProjectStore.h"
#include "ui/AnalysisController.h"
#include "ui/ImageListModel.h"
#include "ui/MainWindow.h"
#include "ui/PhotoView.h"
#include "ui/ResultsPanel.h"
#include "ui/map/MapView.h"

#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace streetlens::test {

struct WindowFixture {
  QString dir;     // the test's temporary folder
  int counter = 0; // one settings and untitled folder per window set-up

  void newSettings() {
    isolateSettings(QDir(dir).filePath(QStringLiteral("settings%1").arg(++counter)));
    QSettings().setValue(QStringLiteral("responsibleUseAcknowledged"), true);
  }
  QString untitledDir() const { return QDir(dir).filePath(QStringLiteral("untitled%1").arg(counter)); }

  std::unique_ptr<ui::MainWindow> makeWindow(ui::EngineFactory factory, bool withModel = true,
                                             bool offerRecovery = false) const {
    if (withModel)
      QSettings().setValue(QStringLiteral("model/dir"), QStringLiteral("fake"));
    ui::MainWindow::Options o;
    o.cacheDir = QDir(dir).filePath(QStringLiteral("cache"));
    o.untitledDir = untitledDir();
    o.showFirstRunNote = false;
    o.offerRecovery = offerRecovery;
    auto w = std::make_unique<ui::MainWindow>(std::move(factory), o);
    w->setMapView(new ui::MapView);
    w->resize(1200, 800);
    w->show();
    return w;
  }
};

inline bool waitReady(ui::MainWindow &w) {
  return QTest::qWaitFor([&] { return w.analysis()->isEngineReady(); }, 120000);
}

inline QStringList writePhotos(const QString &dir, const QString &prefix, int n, int seed) {
  QStringList out;
  for (int i = 0; i < n; ++i)
    out << writePhoto(dir, QStringLiteral("%1%2.png").arg(prefix).arg(i), seed + i);
  return out;
}

// Adds the photos and waits until every row is done.
inline bool analyse(ui::MainWindow &w, const QStringList &files) {
  const int before = w.imageModel()->rowCount();
  w.addPaths(files);
  return QTest::qWaitFor(
      [&] {
        return w.imageModel()->rowCount() == before + files.size() &&
               w.imageModel()->countInState(ui::RowState::Done) == before + files.size();
      },
      60000);
}

// The photo view, the results panel and the map show the same selection: a photo is shown only
// when its row is selected; the map shows exactly the finished selected rows; the panel shows an
// estimate only for the photo shown.
inline QString syncProblem(ui::MainWindow &w) {
  QTest::qWait(30); // row updates are shown once per event-loop turn
  const ui::ImageListModel *m = w.imageModel();
  const QItemSelectionModel *sel = w.imageList()->selectionModel();
  QStringList expected, shown;
  for (int r = 0; r < m->rowCount(); ++r)
    if (sel->isRowSelected(r, {}) && m->row(r).state == ui::RowState::Done)
      expected << m->row(r).sha256;
  for (const ImageResult &r : w.mapView()->results())
    shown << r.sha256;
  if (expected != shown)
    return QStringLiteral("map shows %1, selection has %2").arg(shown.join(',')).arg(expected.join(','));
  const QString photo = w.photoView()->currentPath();
  const int photoRow = photo.isEmpty() ? -1 : m->rowOfPath(photo);
  if (!photo.isEmpty() && (photoRow < 0 || !sel->isRowSelected(photoRow, {})))
    return QStringLiteral("photo view shows %1, which is not selected").arg(photo);
  if (photo.isEmpty() && !sel->selectedRows().isEmpty())
    return QStringLiteral("rows are selected but the photo view is empty");
  const QString estimate = w.resultsPanel()->estimateText();
  if (!estimate.isEmpty() && (photoRow < 0 || m->row(photoRow).state != ui::RowState::Done))
    return QStringLiteral("the panel shows an estimate for no finished selected photo");
  return {};
}

// How many images the project file holds now (-1 when it cannot be opened).
inline int imagesInProject(const QString &path) {
  QString err;
  auto reader = store::ProjectStore::open(path, &err);
  return reader ? reader->imageCount() : -1;
}

// The open message box whose text contains `text` (null when none).
inline QMessageBox *messageBox(QWidget *parent, const QString &text) {
  for (QMessageBox *box : parent->findChildren<QMessageBox *>())
    if (box->isVisible() && box->text().contains(text))
      return box;
  return nullptr;
}

inline QAbstractButton *buttonOf(QMessageBox *box, QMessageBox::StandardButton which) {
  return box ? box->button(which) : nullptr;
}

} // namespace streetlens::test
