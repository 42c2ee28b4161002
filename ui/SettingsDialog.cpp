#include "ui/SettingsDialog.h"

#include "ui/SceneTasksPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace streetlens::ui {

using library::GalleryOptions;

namespace {
QWidget *withBrowse(QLineEdit *edit, bool folder, QWidget *parent) {
  auto *w = new QWidget(parent);
  auto *l = new QHBoxLayout(w);
  l->setContentsMargins(0, 0, 0, 0);
  l->addWidget(edit, 1);
  auto *b = new QPushButton(QObject::tr("Browse…"), w);
  l->addWidget(b);
  QObject::connect(b, &QPushButton::clicked, w, [edit, folder, w] {
    auto *dlg = new QFileDialog(w->window());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFile);
    if (!folder)
      dlg->setNameFilter(QObject::tr("Candidate lists (*.csv *.txt);;All files (*)"));
    QObject::connect(dlg, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dlg->open();
  });
  return w;
}

void selectData(QComboBox *c, const QString &value) {
  const int i = c->findData(value);
  c->setCurrentIndex(i >= 0 ? i : 0);
}

QPlainTextEdit *templates(const QStringList &lines, QWidget *parent) {
  auto *e = new QPlainTextEdit(lines.join(QLatin1Char('\n')), parent);
  e->setTabChangesFocus(true);
  e->setFixedHeight(e->fontMetrics().lineSpacing() * 4 + 12);
  return e;
}

QStringList nonEmptyLines(const QPlainTextEdit *e) {
  QStringList out;
  for (const QString &l : e->toPlainText().split(QLatin1Char('\n')))
    if (!l.trimmed().isEmpty())
      out << l.trimmed();
  return out;
}
} // namespace

SettingsDialog::SettingsDialog(const AppSettings &s, QWidget *parent) : QDialog(parent), m_base(s) {
  setWindowTitle(tr("StreetLens settings"));
  auto *tabs = new QTabWidget(this);

  auto *modelPage = new QWidget(tabs);
  auto *mf = new QFormLayout(modelPage);
  m_modelDir = new QLineEdit(s.modelDir, modelPage);
  m_modelDir->setPlaceholderText(tr("Folder with config.json, vocab.json, merges.txt and the weights"));
  mf->addRow(tr("Model folder:"), withBrowse(m_modelDir, true, modelPage));
  m_device = new QComboBox(modelPage);
  m_device->addItem(tr("Automatic (GPU when available)"), QStringLiteral("auto"));
  m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
  m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
  selectData(m_device, s.device);
  mf->addRow(tr("Device:"), m_device);
  m_precision = new QComboBox(modelPage);
  m_precision->addItem(tr("Automatic"), QStringLiteral("auto"));
  m_precision->addItem(QStringLiteral("fp32"), QStringLiteral("fp32"));
  m_precision->addItem(QStringLiteral("bf16"), QStringLiteral("bf16"));
  m_precision->addItem(QStringLiteral("fp16"), QStringLiteral("fp16"));
  selectData(m_precision, s.precision);
  mf->addRow(tr("Precision:"), m_precision);
  m_batch = new QSpinBox(modelPage);
  m_batch->setRange(0, 256);
  m_batch->setSpecialValueText(tr("Automatic")); // 0: the engine chooses (8 on the CPU, by memory on CUDA)
  m_batch->setValue(s.batchSize);
  mf->addRow(tr("Batch size:"), m_batch);
  m_endpoint = new QLineEdit(s.downloadEndpoint, modelPage);
  mf->addRow(tr("Download from:"), m_endpoint);
  // Interface language (read by app/gui/main.cpp at start-up from the "ui/language" setting).
  m_language = new QComboBox(modelPage);
  m_language->addItem(tr("System default"), QStringLiteral("system"));
  // Languages are named in their own language, never translated.
  m_language->addItem(QString::fromUtf8("English"), QStringLiteral("en"));
  m_language->addItem(QString::fromUtf8("Deutsch"), QStringLiteral("de"));
  m_language->addItem(QString::fromUtf8("Français"), QStringLiteral("fr"));
  m_language->addItem(QString::fromUtf8("Español"), QStringLiteral("es"));
  selectData(m_language,
             QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString());
  m_language->setToolTip(tr("Takes effect at the next start."));
  mf->addRow(tr("Interface language:"), m_language);
  tabs->addTab(modelPage, tr("Model"));

  auto *anaPage = new QWidget(tabs);
  auto *af = new QFormLayout(anaPage);
  m_mode = new QComboBox(anaPage);
  m_mode->addItem(tr("Hierarchical (country, then regions and cities)"),
                  AnalysisSettings::modeName(AnalysisSettings::Mode::Hierarchical));
  m_mode->addItem(tr("Flat (every place at once)"), AnalysisSettings::modeName(AnalysisSettings::Mode::Flat));
  m_mode->addItem(tr("Expected location (probability-weighted)"),
                  AnalysisSettings::modeName(AnalysisSettings::Mode::Expected));
  selectData(m_mode, AnalysisSettings::modeName(s.analysis.mode));
  af->addRow(tr("Mode:"), m_mode);
  m_topK = new QSpinBox(anaPage);
  m_topK->setRange(1, 50);
  m_topK->setValue(s.analysis.topK);
  af->addRow(tr("Places shown per level (top-k):"), m_topK);
  m_countryTpl = templates(s.analysis.countryTemplates, anaPage);
  m_regionTpl = templates(s.analysis.regionTemplates, anaPage);
  m_cityTpl = templates(s.analysis.cityTemplates, anaPage);
  af->addRow(tr("Country prompts:"), m_countryTpl);
  af->addRow(tr("Region prompts:"), m_regionTpl);
  af->addRow(tr("City prompts:"), m_cityTpl);
  m_candidates = new QLineEdit(s.candidateListFile, anaPage);
  m_candidates->setPlaceholderText(tr("Optional CSV of your own candidate places"));
  af->addRow(tr("Candidate list:"), withBrowse(m_candidates, false, anaPage));
  tabs->addTab(anaPage, tr("Analysis"));
  m_tasksPage = new SceneTasksPage(s.sceneTasks, s.clueReadings, tabs);
  tabs->addTab(m_tasksPage, tr("Scene tasks"));
  tabs->addTab(galleryPage(s.gallery, tabs), tr("Reference gallery"));
  m_tabs = tabs;

  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    QSettings().setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  resize(680, 500);
}

AppSettings SettingsDialog::settings() const {
  AppSettings s = m_base;
  s.modelDir = m_modelDir->text().trimmed();
  s.device = m_device->currentData().toString();
  s.precision = m_precision->currentData().toString();
  s.batchSize = m_batch->value();
  s.downloadEndpoint = m_endpoint->text().trimmed();
  if (auto m = AnalysisSettings::modeFromName(m_mode->currentData().toString()))
    s.analysis.mode = *m;
  s.analysis.topK = m_topK->value();
  const auto keep = [](const QStringList &edited, const QStringList &old) {
    return edited.isEmpty() ? old : edited;
  };
  s.analysis.countryTemplates = keep(nonEmptyLines(m_countryTpl), m_base.analysis.countryTemplates);
  s.analysis.regionTemplates = keep(nonEmptyLines(m_regionTpl), m_base.analysis.regionTemplates);
  s.analysis.cityTemplates = keep(nonEmptyLines(m_cityTpl), m_base.analysis.cityTemplates);
  s.candidateListFile = m_candidates->text().trimmed();
  s.sceneTasks = m_tasksPage->checkedTasks();
  s.clueReadings = m_tasksPage->clueReadings();
  s.gallery.file = m_gallery->text().trimmed();
  s.gallery.options.k = m_galleryK->value();
  s.gallery.options.bandwidthKm = m_galleryBandwidth->value();
  s.gallery.options.temperature = m_galleryTemperature->value();
  s.gallery.options.weight = m_galleryWeight->value();
  return s;
}

// The reference gallery: a .slidx index with positions (streetlens-cli index) and the options of
// its density and fusion, with the CLI's defaults and ranges (docs/LIBRARY.md).
QWidget *SettingsDialog::galleryPage(const GallerySetting &g, QWidget *parent) {
  auto *page = new QWidget(parent);
  auto *form = new QFormLayout(page);
  auto *intro = new QLabel(tr("Photos of known places (an index made with streetlens-cli index): each result "
                              "gets its most similar gallery photos and the place they point to, fused "
                              "with the model's estimate. Changing the gallery makes earlier results stale."),
                           page);
  intro->setWordWrap(true);
  form->addRow(intro);
  m_gallery = new QLineEdit(g.file, page);
  m_gallery->setPlaceholderText(tr("No gallery"));
  auto *fileRow = new QWidget(page);
  auto *fl = new QHBoxLayout(fileRow);
  fl->setContentsMargins(0, 0, 0, 0);
  fl->addWidget(m_gallery, 1);
  auto *browse = new QPushButton(tr("Browse…"), fileRow);
  auto *clear = new QPushButton(tr("Clear"), fileRow);
  fl->addWidget(browse);
  fl->addWidget(clear);
  connect(clear, &QPushButton::clicked, m_gallery, &QLineEdit::clear);
  connect(browse, &QPushButton::clicked, this, [this] {
    auto *dlg = new QFileDialog(this, tr("Reference gallery"), QFileInfo(m_gallery->text()).absolutePath());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    dlg->setNameFilter(tr("StreetLens indexes (*.slidx);;All files (*)"));
    connect(dlg, &QFileDialog::fileSelected, m_gallery, &QLineEdit::setText);
    dlg->open();
  });
  form->addRow(tr("Gallery index:"), fileRow);
  const GalleryOptions &o = g.options;
  m_galleryK = new QSpinBox(page);
  m_galleryK->setRange(GallerySetting::kMinK, GallerySetting::kMaxK);
  m_galleryK->setValue(o.k);
  m_galleryK->setToolTip(tr("Gallery photos compared with each photo (the most similar ones)."));
  form->addRow(tr("Neighbours (k):"), m_galleryK);
  const auto spin = [page](double min, double max, int decimals, double value, const QString &suffix) {
    auto *d = new QDoubleSpinBox(page);
    d->setRange(min, max);
    d->setDecimals(decimals);
    d->setValue(value);
    d->setSuffix(suffix);
    return d;
  };
  m_galleryBandwidth =
      spin(GallerySetting::kMinBandwidthKm, GallerySetting::kMaxBandwidthKm, 2, o.bandwidthKm, tr(" km"));
  m_galleryBandwidth->setToolTip(tr("How far each gallery photo's evidence reaches (kernel bandwidth h)."));
  form->addRow(tr("Bandwidth:"), m_galleryBandwidth);
  m_galleryTemperature =
      spin(GallerySetting::kMinTemperature, GallerySetting::kMaxTemperature, 4, o.temperature, QString());
  m_galleryTemperature->setSingleStep(0.01);
  m_galleryTemperature->setToolTip(
      tr("Softmax temperature of the similarities: smaller trusts the most similar photos more."));
  form->addRow(tr("Temperature:"), m_galleryTemperature);
  m_galleryWeight = spin(GallerySetting::kMinWeight, GallerySetting::kMaxWeight, 2, o.weight, QString());
  m_galleryWeight->setSingleStep(0.1);
  m_galleryWeight->setToolTip(
      tr("Weight of the gallery in the fused estimate (β); 0 shows the gallery without fusing."));
  form->addRow(tr("Weight (β):"), m_galleryWeight);
  return page;
}

} // namespace streetlens::ui
