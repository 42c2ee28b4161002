#include "ui/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace streetlens::ui {

using exporting::ExportFormat;

namespace {

struct FormatEntry {
  ExportFormat format;
  const char *text;
  const char *filter;
};

const FormatEntry kFormats[] = {
    {ExportFormat::Csv, QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "CSV table"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "CSV files (*.csv)")},
    {ExportFormat::Json, QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "JSON (complete results)"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "JSON files (*.json)")},
    {ExportFormat::GeoJson,
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "GeoJSON (QGIS and other GIS tools)"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "GeoJSON files (*.geojson)")},
    {ExportFormat::Kml, QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "KML (Google Earth)"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "KML files (*.kml)")},
    {ExportFormat::Html, QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "HTML report"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "HTML files (*.html *.htm)")},
    {ExportFormat::Pdf, QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "PDF report"),
     QT_TRANSLATE_NOOP("streetlens::ui::ExportDialog", "PDF files (*.pdf)")},
};

const FormatEntry &entryFor(ExportFormat f) {
  for (const FormatEntry &e : kFormats)
    if (e.format == f)
      return e;
  return kFormats[0];
}

// `path` with the extension of `f`: a known export extension is replaced, any other kept and the
// new one appended; an empty name stays empty.
QString withExtension(const QString &path, ExportFormat f) {
  const QString trimmed = path.trimmed();
  if (trimmed.isEmpty())
    return trimmed;
  const QFileInfo info(trimmed);
  const std::optional<ExportFormat> current = exporting::exportFormatFromPath(trimmed);
  if (current == f)
    return trimmed;
  QString base = trimmed;
  if (current)
    base.chop(info.suffix().size() + 1);
  return base + QLatin1Char('.') + exporting::exportFormatExtension(f);
}

} // namespace

ExportDialog::ExportDialog(ExportFormat format, int allCount, int selectedCount, int topK,
                           const QString &suggestedPath, QWidget *parent)
    : QDialog(parent), m_allCount(allCount) {
  setWindowTitle(tr("Export results"));
  setWindowModality(Qt::WindowModal);

  m_format = new QComboBox(this);
  for (const FormatEntry &e : kFormats)
    m_format->addItem(tr(e.text), static_cast<int>(e.format));
  m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));

  m_all = new QRadioButton(tr("All images (%n with results)", nullptr, allCount), this);
  m_selected = new QRadioButton(tr("Selected images (%n)", nullptr, selectedCount), this);
  m_selected->setEnabled(selectedCount > 0);
  (selectedCount > 1 ? m_selected : m_all)->setChecked(true);
  auto *scope = new QVBoxLayout;
  scope->setSpacing(2);
  scope->addWidget(m_all);
  scope->addWidget(m_selected);

  m_omitExif = new QCheckBox(tr("Leave EXIF GPS out (privacy)"), this);
  m_omitExif->setToolTip(tr("Writes no camera coordinates, nor anything that reveals them (EXIF "
                            "country, error in km, accuracy summary)."));
  m_topK = new QSpinBox(this);
  m_topK->setRange(1, 50);
  m_topK->setValue(std::clamp(topK, 1, 50));
  m_topK->setToolTip(tr("Countries, regions and cities listed per image"));
  m_cities = new QCheckBox(tr("Also write the top cities as points"), this);

  m_path = new QLineEdit(this);
  m_path->setMinimumWidth(380);
  m_path->setText(withExtension(suggestedPath, format));
  m_path->setClearButtonEnabled(true);
  auto *browse = new QToolButton(this);
  browse->setText(tr("Browse…"));
  connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
  auto *file = new QHBoxLayout;
  file->addWidget(m_path, 1);
  file->addWidget(browse);

  m_note = new QLabel(this);
  m_note->setWordWrap(true);
  m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
  m_error->hide();

  auto *form = new QFormLayout;
  form->addRow(tr("Format:"), m_format);
  form->addRow(tr("Images:"), scope);
  form->addRow(tr("Privacy:"), m_omitExif);
  form->addRow(tr("Top entries:"), m_topK);
  form->addRow(QString(), m_cities);
  form->addRow(tr("File:"), file);

  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_note);
  layout->addWidget(m_error);
  layout->addWidget(m_buttons);

  connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
  connect(m_path, &QLineEdit::textChanged, this, [this] {
    m_error->hide(); // a new name: the old error no longer applies
    updateState();
  });
  connect(m_all, &QRadioButton::toggled, this, &ExportDialog::updateState);
  updateState();
}

ExportFormat ExportDialog::currentFormat() const {
  return static_cast<ExportFormat>(m_format->currentData().toInt());
}

ExportRequest ExportDialog::request() const {
  ExportRequest r;
  r.format = currentFormat();
  r.path = withExtension(m_path->text(), r.format);
  if (!r.path.isEmpty())
    r.path = QDir::cleanPath(QFileInfo(r.path).absoluteFilePath());
  r.selectedOnly = m_selected->isChecked();
  r.options.includeExifGps = !m_omitExif->isChecked();
  r.options.topK = m_topK->value();
  r.options.geojsonIncludeCities = r.format == ExportFormat::GeoJson && m_cities->isChecked();
  return r;
}

void ExportDialog::formatChanged() {
  m_path->setText(withExtension(m_path->text(), currentFormat()));
  updateState();
}

void ExportDialog::updateState() {
  const ExportFormat f = currentFormat();
  // CSV and KML carry the most probable place only.
  m_topK->setEnabled(f != ExportFormat::Csv && f != ExportFormat::Kml);
  m_cities->setVisible(f == ExportFormat::GeoJson);
  const bool anything = m_all->isChecked() ? m_allCount > 0 : m_selected->isEnabled();
  const QString path = withExtension(m_path->text(), f);
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(anything && !path.isEmpty() && !m_busy);
  QString note;
  if (f == ExportFormat::Pdf || f == ExportFormat::Html)
    note = tr("Reports show each photo with its map; they state that locations are estimates, not proof.");
  if (!path.isEmpty() && QFileInfo(path).isDir())
    note = tr("%1 is a folder: add a file name.").arg(QDir::toNativeSeparators(path));
  else if (!path.isEmpty() && QFileInfo::exists(path))
    note = tr("%1 exists and will be replaced.").arg(QDir::toNativeSeparators(QFileInfo(path).fileName()));
  m_note->setText(note);
  m_note->setVisible(!note.isEmpty());
}

void ExportDialog::browse() {
  const ExportFormat f = currentFormat();
  auto *dlg = new QFileDialog(this, tr("Export to"), m_path->text(), tr(entryFor(f).filter));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setAcceptMode(QFileDialog::AcceptSave);
  dlg->setDefaultSuffix(exporting::exportFormatExtension(f));
  if (!m_path->text().isEmpty())
    dlg->selectFile(m_path->text());
  connect(dlg, &QFileDialog::fileSelected, this,
          [this](const QString &path) { m_path->setText(withExtension(path, currentFormat())); });
  dlg->open();
}

QString ExportDialog::errorText() const {
  return m_error->isHidden() ? QString() : m_error->text();
}

void ExportDialog::accept() {
  if (m_busy)
    return;
  const ExportRequest r = request();
  if (r.path.isEmpty() || QFileInfo(r.path).isDir())
    return; // the note says why; the button is disabled for an empty name
  const QFileInfo folder(QFileInfo(r.path).absolutePath());
  if (!folder.isDir()) {
    m_error->setText(tr("The folder %1 does not exist: choose another one with Browse….")
                         .arg(QDir::toNativeSeparators(folder.filePath())));
    m_error->show();
    return;
  }
  m_error->hide();
  m_busy = true;
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Exporting…"));
  updateState();
  Q_EMIT exportRequested(r);
}

void ExportDialog::exportFinished(const QString &error) {
  m_busy = false;
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
  updateState();
  if (error.isEmpty()) {
    QDialog::accept();
    return;
  }
  m_error->setText(tr("Export failed: %1").arg(error));
  m_error->show();
}

} // namespace streetlens::ui
