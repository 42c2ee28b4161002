#include "ui/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

namespace streetlens::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
  setWindowTitle(tr("StreetLens"));
  resize(1280, 800);
  auto *central = new QWidget(this);
  auto *layout = new QVBoxLayout(central);
  auto *hint =
      new QLabel(tr("<h2>StreetLens</h2><p>Where was this street photo taken?</p>"
                    "<p>The analysis window is being built; use <tt>streetlens-cli</tt> meanwhile.</p>"),
                 central);
  hint->setAlignment(Qt::AlignCenter);
  layout->addWidget(hint);
  setCentralWidget(central);
  buildMenus();
  statusBar()->showMessage(tr("No model loaded"));
}

void MainWindow::setEngineStatus(const QString &text) {
  statusBar()->showMessage(text);
}

void MainWindow::buildMenus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
  QMenu *help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About StreetLens"), this, [this] {
    QMessageBox::about(this, tr("About StreetLens"),
                       tr("StreetLens %1\nLocal StreetCLIP geolocation. Estimates, not proof.")
                           .arg(QStringLiteral(STREETLENS_VERSION)));
  });
}

} // namespace streetlens::ui
