#pragma once
// EvidencePanel: where the analyst states what they already know — countries to keep or exclude,
// areas (GeoJSON files, polygons drawn on the map, circles) to keep the answer within or out of —
// and groups photos into sites, which it lists (name, number of photos) for selecting, renaming and
// deleting. It owns the GeoConstraint being edited and emits it whenever it changes; applying it
// (no re-inference: stored results times the constraint) and keeping the sites is the caller's
// (EvidenceController). GUI thread.
#include "core/analysis/GeoConstraint.h"

#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QDoubleSpinBox;
class QPushButton;

namespace streetlens::gazetteer {
class Gazetteer;
}

namespace streetlens::ui {

class EvidencePanel : public QWidget {
  Q_OBJECT
public:
  explicit EvidencePanel(std::shared_ptr<const gazetteer::Gazetteer> gazetteer, QWidget *parent = nullptr);

  const GeoConstraint &constraint() const { return m_constraint; }
  // Country codes are checked against it once it is loaded.
  void setGazetteer(std::shared_ptr<const gazetteer::Gazetteer> gazetteer) { m_gaz = std::move(gazetteer); }
  void setConstraint(const GeoConstraint &c); // e.g. from a project; emits nothing

  // The sites list: one entry per site (name, photos present). Keeps the selected row when it
  // still exists; emits nothing.
  struct SiteEntry {
    QString name;
    int photos = 0;
  };
  void setSites(const std::vector<SiteEntry> &sites);
  int siteCount() const;
  int selectedSite() const;  // -1: none
  void selectSite(int row);  // emits siteSelected when row >= 0
  void clearSiteSelection(); // emits nothing
  QString siteNameText() const;

  // Adds areas; each emits constraintChanged. False (with the message shown) for a bad file.
  bool addGeoJsonFile(const QString &path, bool exclude);
  void addDrawnArea(const QVector<geo::GeoPoint> &ring, bool exclude);
  void addCircle(const GeoCircle &circle);
  void removeArea(int row);
  // The sun bands of the Sun & shadow tool (SunShadowPanel) replace the constraint's; emits
  // constraintChanged.
  void setSunBands(const QVector<geo::SunBand> &bands);
  void clearAll();

  // What the current photo's result says about the constraint ("34 % of the model's probability
  // inside"), or nothing to show.
  void showMassInside(std::optional<double> share, bool empty);
  QString errorText() const;

Q_SIGNALS:
  void constraintChanged(const streetlens::GeoConstraint &constraint);
  // The map should let the analyst draw a polygon (Enter / double-click ends it).
  void drawAreaRequested(bool exclude);
  // Group the photos selected in the list into a site of this name.
  void groupRequested(const QString &name);
  // A site was selected in the list (show its fused posterior).
  void siteSelected(int row);
  void renameSiteRequested(int row, const QString &name); // the name typed in the site name field
  void deleteSiteRequested(int row);

private:
  struct Area {
    enum class Kind { Within, Exclude, Circle } kind = Kind::Within;
    geo::GeoMultiPolygon polygon;
    GeoCircle circle;
    QString label;
  };
  void applyCountryFields();
  void rebuildList();
  void showError(const QString &text);
  void emitChanged();

  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  GeoConstraint m_constraint;
  QVector<Area> m_areas; // in the order added; m_constraint's areas are rebuilt from them
  QLineEdit *m_keep = nullptr, *m_drop = nullptr, *m_siteName = nullptr;
  QListWidget *m_list = nullptr, *m_sites = nullptr;
  QDoubleSpinBox *m_lat = nullptr, *m_lon = nullptr, *m_km = nullptr;
  QLabel *m_error = nullptr, *m_inside = nullptr;
};

} // namespace streetlens::ui
