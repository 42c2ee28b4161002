#pragma once
// The StreetLens main window. Lives on the GUI thread.
#include <QMainWindow>

namespace streetlens::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget *parent = nullptr);
  // Shown in the status bar: which model / device is active, or why none is.
  void setEngineStatus(const QString &text);

private:
  void buildMenus();
};

} // namespace streetlens::ui
