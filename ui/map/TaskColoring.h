#pragma once
// TaskColoring: colouring the photos' markers by a scene task (issue 19) — each photo's marker in
// the colour of its top answer (a fixed palette, by label order), or on a ramp (viridis) of one
// label's probability — and the legend that explains it. Plain values and pure functions: any
// thread (MapView builds the marker set on the GUI thread; render jobs only read it).
#include "core/analysis/GeoResult.h"
#include "ui/map/MapMarkers.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace streetlens::ui {

struct MarkerColoring {
  QString task;       // empty: markers keep their usual colours
  QString title;      // the task's question (or name), the legend's title
  QStringList labels; // the task's labels (palette order)
  QString label;      // empty: by the top answer; else a ramp of this label's probability
  bool isActive() const { return !task.isEmpty(); }
  bool operator==(const MarkerColoring &) const = default;
};

// The legend of a colouring: a title and swatches (categories), or a ramp from 0 to 100 %.
struct MarkerLegend {
  QString title;
  std::vector<std::pair<QString, QColor>> entries; // categories (empty for a ramp)
  bool ramp = false;
};

// The i-th category colour (a 10-colour qualitative palette, repeating).
QColor categoryColor(int index);
// The colour of a photo's marker under `coloring` (nullopt: the result has no answer to it).
std::optional<QColor> coloringColor(const ImageResult &result, const MarkerColoring &coloring);
MarkerLegend coloringLegend(const MarkerColoring &coloring);
// Gives the photos' markers (per-image and estimate markers) their colour.
void applyColoring(MarkerSet &set, const std::vector<ImageResult> &results, const MarkerColoring &coloring);

} // namespace streetlens::ui
