#pragma once
// AreaLayer: the areas a map shows besides places — the confidence regions (50 / 90 / 99 %) of the
// result in view, outlined, and the analyst's constraint (areas to keep within, areas excluded,
// circles). AreaSet is an immutable snapshot held by MapScene; paintAreas draws it. Part of
// streetlens_map (Qt Gui only); any thread.
#include "core/analysis/GeoConstraint.h"
#include "core/analysis/GeoResult.h"
#include "ui/map/MapStyle.h"
#include "ui/map/MapViewport.h"

#include <vector>

class QPainter;

namespace streetlens::ui {

struct AreaSet {
  std::vector<ConfidenceRegion> regions; // of the one result shown
  QVector<geo::GeoMultiPolygon> keep, exclude;
  QVector<GeoCircle> circles;
  QVector<geo::GeoMultiPolygon> sunBands; // the constraint's sun bands on a 0.5° grid
  bool isEmpty() const {
    return regions.empty() && keep.isEmpty() && exclude.isEmpty() && circles.isEmpty() && sunBands.isEmpty();
  }
  static AreaSet fromConstraint(const GeoConstraint &c);
};

// Outlines of the regions (50 % solid, 90 % dashed, 99 % dotted, each labelled) when `regions`,
// the constraint (kept areas green, excluded ones red and lightly filled, sun bands filled amber)
// when `constraint`.
void paintAreas(QPainter &p, const MapViewport &vp, const AreaSet &areas, const MapStyle &style, bool regions,
                bool constraint);

} // namespace streetlens::ui
