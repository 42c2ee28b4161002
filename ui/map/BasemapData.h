#pragma once
// BasemapData: the built-in offline vector basemap — one entry per gazetteer country with its land
// polygons, coastlines and land borders as QPainterPaths in Web Mercator world units ([0, 1],
// unwrapped across the antimeridian), at a few levels of detail. Coastlines and borders are told
// apart by edge sharing: an edge used by two countries is a border (stored once), an edge used by
// one is coast. Also paints itself (land, lines, graticule, labels) for a viewport. Built once per
// gazetteer (takes ~100 ms), then immutable: shared between the GUI thread and render jobs.
#include "core/gazetteer/Gazetteer.h"
#include "ui/map/MapStyle.h"
#include "ui/map/MapViewport.h"

#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <memory>
#include <vector>

class QPainter;

namespace streetlens::ui {

class BasemapData {
public:
  static constexpr int kLevels = 3; // levels of detail, coarse to full

  struct CountryShape {
    QString code2;
    QString name; // in the requested language
    geo::GeoPoint labelPoint;
    qint64 population = 0;
    QRectF worldBounds;           // of the unwrapped polygons
    QPainterPath fill[kLevels];   // odd-even rings (holes are holes)
    QPainterPath coast[kLevels];  // open polylines
    QPainterPath border[kLevels]; // open polylines (each shared edge in one country only)
  };

  // Builds from the gazetteer's Natural Earth borders; names in `language` ("en", "de", ...).
  static std::shared_ptr<const BasemapData> build(const gazetteer::Gazetteer &gaz,
                                                  const QString &language = QStringLiteral("en"));

  const std::vector<CountryShape> &countries() const { return m_countries; }
  // Index into countries() by alpha-2 code, -1 when absent.
  int indexOf(const QString &code2) const;
  int vertexCount() const { return m_vertexCount; }
  // Level of detail to use at a zoom.
  static int levelFor(double zoom);

  // Land fill in the style's land colour.
  void paintLand(QPainter &p, const MapViewport &vp, const MapStyle &style) const;
  // Fills the given countries (index into countries()) with their colours.
  void paintCountryFills(QPainter &p, const MapViewport &vp,
                         const std::vector<std::pair<int, QColor>> &fills) const;
  void paintLines(QPainter &p, const MapViewport &vp, const MapStyle &style, bool borders) const;
  static void paintGraticule(QPainter &p, const MapViewport &vp, const MapStyle &style);
  // Country names that fit, largest countries first, none overlapping another or `keepOut`
  // (e.g. the marker labels, which matter more).
  struct Label {
    QString text;
    QRectF box; // pixels
    double pointSize = 0;
  };
  std::vector<Label> layoutLabels(const MapViewport &vp, const MapStyle &style,
                                  const std::vector<QRectF> &keepOut = {}) const;
  void paintLabels(QPainter &p, const MapViewport &vp, const MapStyle &style,
                   const std::vector<QRectF> &keepOut = {}) const;

  // Country (index) whose fill contains the pixel, or -1. Uses the full level of detail.
  int countryAtPixel(const MapViewport &vp, QPointF pixel) const;

private:
  // Calls fn(countryIndex, worldShift) for each country copy that intersects the view.
  template <typename Fn> void forEachVisible(const MapViewport &vp, Fn &&fn) const;

  std::vector<CountryShape> m_countries;
  int m_vertexCount = 0;
};

} // namespace streetlens::ui
