#include "ui/map/TaskColoring.h"

#include "ui/map/ColorRamp.h"

#include <QCoreApplication>
#include <array>

namespace streetlens::ui {

QColor categoryColor(int index) {
  // Tableau 10: distinct at a glance, also for the common forms of colour blindness.
  static constexpr std::array<QRgb, 10> kPalette{0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
  return QColor::fromRgb(kPalette[size_t(std::max(0, index)) % kPalette.size()]);
}

std::optional<QColor> coloringColor(const ImageResult &result, const MarkerColoring &coloring) {
  if (!coloring.isActive())
    return std::nullopt;
  for (const TaskOutcome &o : result.tasks) {
    if (o.name != coloring.task)
      continue;
    if (!coloring.label.isEmpty()) {
      const qsizetype i = o.labels.indexOf(coloring.label);
      if (i < 0 || size_t(i) >= o.probs.size())
        return std::nullopt;
      return ColorRamp(ColorRamp::Kind::Viridis).colorAt(o.probs[size_t(i)]);
    }
    const int best = o.best();
    if (best < 0)
      return std::nullopt;
    // The palette follows the task's label order (as chosen), so a label keeps its colour.
    const qsizetype at = coloring.labels.indexOf(o.labels[best]);
    return categoryColor(int(at >= 0 ? at : best));
  }
  return std::nullopt;
}

MarkerLegend coloringLegend(const MarkerColoring &coloring) {
  MarkerLegend l;
  if (!coloring.isActive())
    return l;
  if (!coloring.label.isEmpty()) {
    l.title = QCoreApplication::translate("streetlens::ui::TaskColoring", "%1: probability of \"%2\"")
                  .arg(coloring.task, coloring.label);
    l.ramp = true;
    return l;
  }
  l.title = QCoreApplication::translate("streetlens::ui::TaskColoring", "%1: top answer").arg(coloring.task);
  for (qsizetype i = 0; i < coloring.labels.size(); ++i)
    l.entries.emplace_back(coloring.labels[i], categoryColor(int(i)));
  return l;
}

void applyColoring(MarkerSet &set, const std::vector<ImageResult> &results, const MarkerColoring &coloring) {
  if (!coloring.isActive())
    return;
  for (MapMarker &m : set.markers) {
    if ((m.kind != MapMarker::Kind::Image && m.kind != MapMarker::Kind::Estimate) || m.imageIndex < 0 ||
        m.imageIndex >= int(results.size()))
      continue;
    if (const auto c = coloringColor(results[size_t(m.imageIndex)], coloring))
      m.color = *c;
  }
}

} // namespace streetlens::ui
