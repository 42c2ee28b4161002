#include "ui/map/MapExportDialog.h"

#include "ui/map/MapView.h"

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
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {
QString fileNameFor(const QString &title) {
  QString base = title.trimmed();
  base.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\s]+")), QStringLiteral("-"));
  if (base.isEmpty())
    base = QStringLiteral("streetlens");
  return base.left(80) + QStringLiteral("-map.png");
}
} // namespace

MapExportDialog::MapExportDialog(MapView *map, const QString &folder, const QString &title, QWidget *parent)
    : QDialog(parent), m_map(map) {
  setWindowTitle(tr("Save map as PNG"));
  setWindowModality(Qt::WindowModal);
  m_title = new QLineEdit(title, this);
  m_title->setMinimumWidth(380);
  m_scale = new QComboBox(this);
  const QSize view = map->size();
  for (int k : {1, 2, 3, 4})
    m_scale->addItem(tr("%1× — %2 × %3 pixels").arg(k).arg(view.width() * k).arg(view.height() * k), k);
  m_scale->setCurrentIndex(1); // twice the screen: sharp in print and slides
  m_path = new QLineEdit(QDir(folder).filePath(fileNameFor(title)), this);
  m_path->setClearButtonEnabled(true);
  auto *browse = new QToolButton(this);
  browse->setText(tr("Browse…"));
  connect(browse, &QToolButton::clicked, this, &MapExportDialog::browse);
  auto *file = new QHBoxLayout;
  file->addWidget(m_path, 1);
  file->addWidget(browse);
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
  m_error->hide();
  auto *form = new QFormLayout;
  form->addRow(tr("Title:"), m_title);
  form->addRow(tr("Resolution:"), m_scale);
  form->addRow(tr("File:"), file);
  auto *note = new QLabel(tr("The image shows the area of the map as it is now, with the legend and "
                             "the scale, under the title."),
                          this);
  note->setWordWrap(true);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &MapExportDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_path, &QLineEdit::textChanged, this, [this](const QString &t) {
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!t.trimmed().isEmpty());
  });
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note);
  layout->addWidget(m_error);
  layout->addWidget(m_buttons);
}

QString MapExportDialog::errorText() const {
  return m_error->isHidden() ? QString() : m_error->text();
}

double MapExportDialog::scale() const {
  return m_scale->currentData().toDouble();
}

QString MapExportDialog::path() const {
  QString p = m_path->text().trimmed();
  if (!p.isEmpty() && QFileInfo(p).suffix().isEmpty())
    p += QStringLiteral(".png");
  return p.isEmpty() ? p : QDir::cleanPath(QFileInfo(p).absoluteFilePath());
}

void MapExportDialog::browse() {
  auto *dlg = new QFileDialog(this, tr("Save map as PNG"), m_path->text(), tr("PNG images (*.png)"));
  dlg->setAttribute(Qt::WA_DeleteOnClose);
  dlg->setAcceptMode(QFileDialog::AcceptSave);
  dlg->setDefaultSuffix(QStringLiteral("png"));
  connect(dlg, &QFileDialog::fileSelected, m_path, &QLineEdit::setText);
  dlg->open();
}

void MapExportDialog::accept() {
  const QString p = path();
  if (p.isEmpty())
    return;
  QString error;
  if (!QFileInfo(QFileInfo(p).absolutePath()).isDir())
    error = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(QFileInfo(p).absolutePath()));
  else if (!m_map->saveExportPng(p, scale(), m_title->text().trimmed(), &error) && error.isEmpty())
    error = tr("Could not write the map image %1").arg(QDir::toNativeSeparators(p));
  if (!error.isEmpty()) {
    m_error->setText(error);
    m_error->show();
    return;
  }
  QDialog::accept();
}

} // namespace streetlens::ui
