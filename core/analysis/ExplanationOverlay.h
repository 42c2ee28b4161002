#pragma once
// Drawing a patch explanation (Explanation.h) over its photo: where the model's input square lies
// in the photo, the colour ramp, and the blended overlay of the CLI, the app's photo view and the
// reports. Qt Gui only (no Widgets); pure functions, any thread.
#include "core/analysis/Explanation.h"
#include "core/imageio/ClipImageProcessor.h"

#include <QImage>
#include <QRectF>

class QPainter;

namespace streetlens {

// The part of a width x height photo (orientation applied) that the model saw: the preprocessing's
// resize then centre crop, mapped back to photo pixels. The whole photo without a centre crop.
QRectF modelInputRect(int width, int height, const ClipImageConfig &cfg);

// The grid's values mapped to [0, 1] for display: divided by the largest value; values <= 0 (for
// occlusion: patches whose hiding did not lower p(label)) show as 0. All 0 when nothing is > 0.
std::vector<float> displayStrengths(const PatchGrid &g);

// A cols x rows ARGB image of the grid: colour from the ramp (dark red → orange → yellow), alpha =
// opacity · strength, so the photo shows through where the label gets no support.
QImage explanationHeatmap(const PatchGrid &g, double opacity);

// Paints the grid over `target` (the model-input rectangle in the painter's coordinates),
// smoothly scaled, and dims what lies outside it within `photo` (the model did not see it).
void paintExplanation(QPainter &p, const QRectF &photo, const QRectF &target, const PatchGrid &g,
                      double opacity);

// The photo with the explanation blended on it; the result has the photo's own size.
QImage renderExplanationOverlay(const QImage &photo, const PatchGrid &g, const ClipImageConfig &cfg,
                                double opacity = 0.6);

} // namespace streetlens
