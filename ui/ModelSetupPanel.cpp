#include "ui/ModelSetupPanel.h"

#include "core/model/ModelFolder.h"

#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

ModelSetupPanel::ModelSetupPanel(QWidget *parent) : QWidget(parent) {
  auto *outer = new QVBoxLayout(this);
  outer->addStretch(1);
  auto *card = new QWidget(this);
  card->setFixedWidth(640);
  auto *l = new QVBoxLayout(card);
  auto *title = new QLabel(tr("<h2>No model loaded yet</h2>"), card);
  auto *intro = new QLabel(tr("StreetLens geolocates photos with <b>StreetCLIP</b>, a 1.7 GB model that runs "
                              "on this computer; your photos are never uploaded. You can still add photos "
                              "now; they are analysed as soon as a model is loaded."),
                           card);
  intro->setWordWrap(true);
  m_problem = new QLabel(card);
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b02020;"));
  m_problem->hide();
  l->addWidget(title);
  l->addWidget(intro);
  l->addWidget(m_problem);
  l->addSpacing(8);

  auto *grid = new QGridLayout;
  m_choose = new QPushButton(tr("Choose model folder…"), card);
  grid->addWidget(m_choose, 0, 0);
  grid->addWidget(new QLabel(tr("A folder with config.json, vocab.json, merges.txt and model.safetensors "
                                "(or a Hugging Face cache folder)."),
                             card),
                  0, 1);
  m_useCached = new QPushButton(tr("Use found model"), card);
  m_cacheCombo = new QComboBox(card);
  m_cacheLabel = new QLabel(tr("Looking in the Hugging Face cache…"), card);
  auto *cacheBox = new QVBoxLayout;
  cacheBox->addWidget(m_cacheCombo);
  cacheBox->addWidget(m_cacheLabel);
  grid->addWidget(m_useCached, 1, 0, Qt::AlignTop);
  grid->addLayout(cacheBox, 1, 1);
  m_download = new QPushButton(tr("Download StreetCLIP…"), card);
  grid->addWidget(m_download, 2, 0);
  grid->addWidget(
      new QLabel(tr("From Hugging Face (geolocal/StreetCLIP, licence CC BY-NC 4.0; about 1.7 GB)."), card), 2,
      1);
  for (int r = 0; r < 3; ++r)
    if (auto *item = grid->itemAtPosition(r, 1); item && item->widget())
      if (auto *label = qobject_cast<QLabel *>(item->widget())) {
        label->setWordWrap(true);
        label->setMinimumHeight(label->fontMetrics().lineSpacing() * 2 + 4);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
      }
  grid->setVerticalSpacing(10);
  grid->setColumnStretch(1, 1);
  l->addLayout(grid);
  outer->addWidget(card, 0, Qt::AlignHCenter);
  outer->addStretch(2);

  connect(m_choose, &QPushButton::clicked, this, &ModelSetupPanel::chooseFolderRequested);
  connect(m_download, &QPushButton::clicked, this, &ModelSetupPanel::downloadRequested);
  connect(m_useCached, &QPushButton::clicked, this, [this] {
    const QString dir = m_cacheCombo->currentData().toString();
    if (!dir.isEmpty())
      Q_EMIT useModelRequested(dir);
  });
  connect(&m_scan, &QFutureWatcher<QStringList>::finished, this, [this] {
    m_cached = m_scan.result();
    m_cacheCombo->clear();
    for (const QString &dir : std::as_const(m_cached))
      m_cacheCombo->addItem(QDir::toNativeSeparators(dir), dir);
    m_cacheCombo->setVisible(!m_cached.isEmpty());
    m_useCached->setEnabled(!m_cached.isEmpty());
    m_cacheLabel->setText(m_cached.isEmpty() ? tr("No CLIP model found in the Hugging Face cache.")
                                             : tr("Found in the Hugging Face cache."));
  });
  m_cacheCombo->hide();
  m_useCached->setEnabled(false);
  refreshCachedModels();
}

ModelSetupPanel::~ModelSetupPanel() {
  m_scan.waitForFinished();
}

void ModelSetupPanel::setProblem(const QString &problem) {
  m_problem->setText(problem);
  m_problem->setVisible(!problem.isEmpty());
}

void ModelSetupPanel::setEngineAvailable(bool available) {
  m_choose->setEnabled(available);
  m_download->setEnabled(available);
  if (!available)
    setProblem(tr("This build of StreetLens was made without the inference engine (LibTorch), so it cannot "
                  "analyse photos; it can still open projects and show their results."));
}

void ModelSetupPanel::refreshCachedModels() {
  if (m_scan.isRunning())
    return;
  m_scan.setFuture(QtConcurrent::run([] { return findCachedModels(); }));
}

} // namespace streetlens::ui
