#pragma once
// ExportDialog: asks what to export — format, all or the selected images, the privacy option
// (leave EXIF GPS out), top-k, GeoJSON city points and the file name — and hands the answer back
// as an ExportRequest through exportRequested() when the user presses Export. Owns its form
// widgets only; the browse button opens a QFileDialog with open(). Opened window-modal with
// open() (no nested event loop). Stays open while the export runs and after a failure, showing
// the error, so no choice is lost. GUI thread.
#include "core/export/ExportTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace streetlens::ui {

// One export the user asked for.
struct ExportRequest {
  exporting::ExportFormat format = exporting::ExportFormat::Csv;
  QString path;
  exporting::ExportOptions options;
  bool selectedOnly = false;
};

class ExportDialog : public QDialog {
  Q_OBJECT
public:
  // allCount / selectedCount: images with results in the project / in the selection (the
  // "selected" choice is disabled at 0 and preselected when more than one image is selected).
  // suggestedPath: a file name proposed for the format (its extension follows the format).
  ExportDialog(exporting::ExportFormat format, int allCount, int selectedCount, int topK,
               const QString &suggestedPath, QWidget *parent = nullptr);

  // What the form says now; the extension of the format is appended when the name has none.
  ExportRequest request() const;

  // For tests and screenshots.
  QComboBox *formatCombo() const { return m_format; }
  QRadioButton *allButton() const { return m_all; }
  QRadioButton *selectedButton() const { return m_selected; }
  QCheckBox *omitExifCheck() const { return m_omitExif; }
  QCheckBox *citiesCheck() const { return m_cities; }
  QSpinBox *topKSpin() const { return m_topK; }
  QLineEdit *pathEdit() const { return m_path; }

  // The error line under the form ("" while there is none).
  QString errorText() const;

Q_SIGNALS:
  // Export pressed with a usable file name; the dialog then waits (buttons disabled) for
  // exportFinished().
  void exportRequested(const streetlens::ui::ExportRequest &request);

public Q_SLOTS:
  void accept() override;
  // The export asked for has ended: closes on success; on failure stays open with the error and
  // every choice kept, so the user can fix the file name and export again.
  void exportFinished(const QString &error);

private:
  exporting::ExportFormat currentFormat() const;
  void formatChanged();
  void browse();
  void updateState();

  QComboBox *m_format = nullptr;
  QRadioButton *m_all = nullptr, *m_selected = nullptr;
  QCheckBox *m_omitExif = nullptr, *m_cities = nullptr;
  QSpinBox *m_topK = nullptr;
  QLineEdit *m_path = nullptr;
  QLabel *m_note = nullptr, *m_error = nullptr;
  QDialogButtonBox *m_buttons = nullptr;
  int m_allCount = 0;
  bool m_busy = false;
};

} // namespace streetlens::ui

Q_DECLARE_METATYPE(streetlens::ui::ExportRequest)
