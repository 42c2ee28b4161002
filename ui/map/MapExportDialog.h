#pragma once
// MapExportDialog: asks how to save the map as a PNG — a title (printed above the map with the
// date and the reminder that locations are estimates), the resolution (a multiple of the view's
// size, so the same area at more pixels) and the file — and hands the answer to the MapView,
// which writes it. Stays open with the error when the file cannot be written. Owns its form
// widgets only; opened window-modal with open(). GUI thread.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace streetlens::ui {

class MapView;

class MapExportDialog : public QDialog {
  Q_OBJECT
public:
  // `folder`: where the file is proposed; `title`: the proposed title.
  MapExportDialog(MapView *map, const QString &folder, const QString &title, QWidget *parent = nullptr);

  QLineEdit *titleEdit() const { return m_title; }
  QComboBox *scaleCombo() const { return m_scale; }
  QLineEdit *pathEdit() const { return m_path; }
  QString errorText() const;
  double scale() const;
  // The file name with ".png" appended when it has no extension.
  QString path() const;

public Q_SLOTS:
  void accept() override;

private:
  void browse();
  MapView *m_map;
  QLineEdit *m_title = nullptr, *m_path = nullptr;
  QComboBox *m_scale = nullptr;
  QLabel *m_error = nullptr;
  QDialogButtonBox *m_buttons = nullptr;
};

} // namespace streetlens::ui
