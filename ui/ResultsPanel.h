#pragma once
// ResultsPanel: the details of the selected image(s) — top-k countries, regions and cities with
// probability bars, the estimate, the EXIF GPS point and the error in km, the answers of the chosen
// scene tasks ("Scene") and the clue readings ("Clues"), the reference gallery's evidence
// (GalleryEvidenceView), or the failure reason. Owns the labels,
// ProbabilityLists and TaskOutcomeViews it shows. GUI thread.
#include "core/analysis/GeoResult.h"

#include <QWidget>

class QLabel;
class QGroupBox;

namespace streetlens::ui {

class GalleryEvidenceView;
class ProbabilityList;
class TaskOutcomeView;

class ResultsPanel : public QWidget {
  Q_OBJECT
public:
  explicit ResultsPanel(QWidget *parent = nullptr);
  void setTopK(int k);
  // Shows the first result in detail; `selectedCount` > 1 adds a note about the combined map.
  void showResult(const ImageResult &result, int selectedCount = 1);
  void showStatus(const QString &title, const QString &text); // queued, running, failed, nothing
  // A highlighted line under the title (file missing, stale settings); empty hides it.
  void setWarning(const QString &text);
  QString warningText() const;
  // The photo's details (file, SHA-256, size, capture time, camera, EXIF GPS) under the results;
  // empty hides them.
  void setDetails(const QString &html);
  // The analyst's assessment (AnnotationPanel) shown in its own box under the results; owned by
  // the panel from then on.
  void setAssessmentWidget(QWidget *widget);
  QString detailsText() const;
  void clear();

  // For tests and screenshots.
  const ProbabilityList *countries() const { return m_countries; }
  const ProbabilityList *regions() const { return m_regions; }
  const ProbabilityList *cities() const { return m_cities; }
  const TaskOutcomeView *sceneView() const { return m_scene; }
  const TaskOutcomeView *cluesView() const { return m_clues; }
  const GalleryEvidenceView *galleryView() const { return m_gallery; }
  bool isGalleryShown() const;
  bool isSceneShown() const;
  bool areCluesShown() const;
  QString estimateText() const;
  QString exifText() const;

private:
  int m_topK = 5;
  QLabel *m_title = nullptr, *m_warning = nullptr, *m_status = nullptr, *m_estimate = nullptr,
         *m_exif = nullptr, *m_note = nullptr;
  QLabel *m_details = nullptr;
  QGroupBox *m_detailsBox = nullptr, *m_assessmentBox = nullptr;
  QGroupBox *m_countryBox = nullptr, *m_regionBox = nullptr, *m_cityBox = nullptr;
  ProbabilityList *m_countries = nullptr, *m_regions = nullptr, *m_cities = nullptr;
  QGroupBox *m_sceneBox = nullptr, *m_cluesBox = nullptr, *m_galleryBox = nullptr;
  GalleryEvidenceView *m_gallery = nullptr;
  TaskOutcomeView *m_scene = nullptr, *m_clues = nullptr;
};

} // namespace streetlens::ui
