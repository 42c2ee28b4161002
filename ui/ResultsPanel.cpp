#include "ui/ResultsPanel.h"

#include "ui/GalleryEvidenceView.h"
#include "ui/PlaceNames.h"
#include "ui/ProbabilityList.h"
#include "ui/TaskOutcomeView.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace streetlens::ui {

namespace {

QGroupBox *box(const QString &title, ProbabilityList *&list, QWidget *parent) {
  auto *b = new QGroupBox(title, parent);
  auto *l = new QVBoxLayout(b);
  l->setContentsMargins(8, 6, 8, 8);
  list = new ProbabilityList(b);
  l->addWidget(list);
  return b;
}
} // namespace

ResultsPanel::ResultsPanel(QWidget *parent) : QWidget(parent) {
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 8, 8, 8);
  m_title = new QLabel(this);
  m_title->setWordWrap(true);
  QFont f = m_title->font();
  f.setPointSizeF(f.pointSizeF() * 1.2);
  f.setBold(true);
  m_title->setFont(f);
  m_warning = new QLabel(this);
  m_warning->setWordWrap(true);
  m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid "
                                          "#ffe69c; border-radius: 3px; padding: 4px; }"));
  m_warning->hide();
  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_estimate = new QLabel(this);
  m_estimate->setWordWrap(true);
  m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_exif = new QLabel(this);
  m_exif->setWordWrap(true);
  m_exif->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_title);
  layout->addWidget(m_warning);
  layout->addWidget(m_status);
  layout->addWidget(m_estimate);
  layout->addWidget(m_exif);
  m_countryBox = box(tr("Countries"), m_countries, this);
  m_regionBox = box(tr("Regions"), m_regions, this);
  m_cityBox = box(tr("Cities"), m_cities, this);
  layout->addWidget(m_countryBox);
  layout->addWidget(m_regionBox);
  layout->addWidget(m_cityBox);
  m_galleryBox = new QGroupBox(tr("Reference gallery"), this);
  m_galleryBox->setToolTip(tr("The most similar photos of the reference gallery chosen in Settings and the "
                              "place they point to."));
  auto *gl = new QVBoxLayout(m_galleryBox);
  gl->setContentsMargins(8, 6, 8, 8);
  m_gallery = new GalleryEvidenceView(m_galleryBox);
  gl->addWidget(m_gallery);
  layout->addWidget(m_galleryBox);
  const auto outcomeBox = [this, layout](const QString &title, TaskOutcomeView *&view, const QString &tip) {
    auto *b = new QGroupBox(title, this);
    b->setToolTip(tip);
    auto *l = new QVBoxLayout(b);
    l->setContentsMargins(8, 6, 8, 8);
    view = new TaskOutcomeView(b);
    l->addWidget(view);
    layout->addWidget(b);
    return b;
  };
  m_sceneBox =
      outcomeBox(tr("Scene"), m_scene,
                 tr("Answers of the scene tasks chosen in Settings > Scene tasks, from the same image "
                    "embedding (zero-shot or your trained classifiers)."));
  m_cluesBox =
      outcomeBox(tr("Clues"), m_clues,
                 tr("What the model reads in the photo for each clue question; check each clue in the "
                    "photo yourself."));
  m_detailsBox = new QGroupBox(tr("Photo"), this);
  auto *dl = new QVBoxLayout(m_detailsBox);
  dl->setContentsMargins(8, 6, 8, 8);
  m_details = new QLabel(m_detailsBox);
  m_details->setWordWrap(true);
  m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_details->setTextFormat(Qt::RichText);
  // Long paths and hashes must not widen the panel (it scrolls vertically only).
  m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  dl->addWidget(m_details);
  m_detailsBox->hide();
  m_assessmentBox = new QGroupBox(tr("Your assessment"), this);
  m_assessmentBox->hide();
  layout->addWidget(m_assessmentBox);
  layout->addWidget(m_detailsBox);
  layout->addStretch(1);
  m_note = new QLabel(tr("<small>An estimate, not proof. Not for locating people from their private "
                         "photos.</small>"),
                      this);
  m_note->setWordWrap(true);
  m_note->setForegroundRole(QPalette::PlaceholderText);
  layout->addWidget(m_note);
  clear();
}

void ResultsPanel::setAssessmentWidget(QWidget *widget) {
  auto *l = new QVBoxLayout(m_assessmentBox);
  l->setContentsMargins(8, 6, 8, 8);
  widget->setParent(m_assessmentBox);
  l->addWidget(widget);
  m_assessmentBox->show();
}

void ResultsPanel::setTopK(int k) {
  m_topK = std::max(1, k);
}

void ResultsPanel::setWarning(const QString &text) {
  m_warning->setText(text);
  m_warning->setVisible(!text.isEmpty());
}

QString ResultsPanel::warningText() const {
  return m_warning->isHidden() ? QString() : m_warning->text();
}

void ResultsPanel::setDetails(const QString &html) {
  m_details->setText(html);
  m_detailsBox->setVisible(!html.isEmpty());
}

QString ResultsPanel::detailsText() const {
  return m_detailsBox->isHidden() ? QString() : m_details->text();
}

void ResultsPanel::clear() {
  setWarning({});
  setDetails({});
  showStatus(tr("No image selected"), tr("Drop photos or folders on the window, or use File > Open."));
}

void ResultsPanel::showStatus(const QString &title, const QString &text) {
  m_title->setText(title);
  m_status->setText(text);
  m_status->setVisible(!text.isEmpty());
  m_estimate->hide();
  m_exif->hide();
  m_countryBox->hide();
  m_regionBox->hide();
  m_cityBox->hide();
  m_galleryBox->hide();
  m_sceneBox->hide();
  m_cluesBox->hide();
}

void ResultsPanel::showResult(const ImageResult &r, int selectedCount) {
  m_title->setText(QFileInfo(r.path).fileName());
  if (r.status == ImageStatus::Failed) {
    showStatus(QFileInfo(r.path).fileName(), tr("Failed: %1").arg(r.error));
    return;
  }
  m_status->setText(selectedCount > 1
                        ? tr("%n images selected; the map shows them combined.", nullptr, selectedCount)
                        : QString());
  m_status->setVisible(selectedCount > 1);
  if (r.estimate) {
    m_estimate->setText(tr("<b>Estimate:</b> %1<br>%2")
                            .arg(localizedEstimateLabel(r).toHtmlEscaped(), formatCoordinates(*r.estimate)));
  } else {
    m_estimate->setText(tr("<b>Estimate:</b> none"));
  }
  m_estimate->show();
  if (r.exifLocation) {
    QString text = tr("<b>EXIF GPS:</b> %1").arg(formatCoordinates(*r.exifLocation));
    if (r.errorKm)
      text += tr("<br><b>Error:</b> %1 km").arg(formatKmNumber(*r.errorKm));
    m_exif->setText(text);
  } else {
    m_exif->setText(tr("<b>EXIF GPS:</b> none in this photo"));
  }
  m_exif->show();
  const bool custom = !r.labels.empty();
  m_countryBox->setTitle(custom ? tr("Candidates") : tr("Countries"));
  m_countries->setEntries(custom ? r.labels : localizedCountries(r.countries), m_topK);
  m_regions->setEntries(r.regions, m_topK);
  m_cities->setEntries(r.cities, m_topK);
  m_countryBox->show();
  m_regionBox->setVisible(!r.regions.empty());
  m_cityBox->setVisible(!r.cities.empty());
  if (r.gallery)
    m_gallery->setEvidence(*r.gallery);
  m_galleryBox->setVisible(bool(r.gallery));
  m_scene->setOutcomes(r.tasks, 3);
  m_sceneBox->setVisible(!r.tasks.empty());
  m_clues->setOutcomes(r.clues, 2);
  m_cluesBox->setVisible(!r.clues.empty());
}

bool ResultsPanel::isGalleryShown() const {
  return !m_galleryBox->isHidden();
}

bool ResultsPanel::isSceneShown() const {
  return !m_sceneBox->isHidden();
}

bool ResultsPanel::areCluesShown() const {
  return !m_cluesBox->isHidden();
}

QString ResultsPanel::estimateText() const {
  return !m_estimate->isHidden() ? m_estimate->text() : QString();
}

QString ResultsPanel::exifText() const {
  return !m_exif->isHidden() ? m_exif->text() : QString();
}

} // namespace streetlens::ui
