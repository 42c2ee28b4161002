#pragma once
// ColorRamp: a perceptually uniform colour ramp (viridis or magma, sampled from matplotlib's
// published control colours) mapping t in [0, 1] to a colour, with a precomputed 256-entry
// lookup table. Immutable value, any thread.
#include <QColor>
#include <QString>
#include <array>

namespace streetlens::ui {

class ColorRamp {
public:
  enum class Kind { Viridis, Magma };

  explicit ColorRamp(Kind kind = Kind::Magma);

  Kind kind() const { return m_kind; }
  QString name() const;
  // Opaque colour at t (clamped to [0, 1]).
  QRgb rgbAt(double t) const;
  QColor colorAt(double t) const { return QColor::fromRgb(rgbAt(t)); }
  // Premultiplied ARGB for a heatmap: the colour at t with alpha rising smoothly from 0 (t <= 0.15)
  // to maxAlpha (t >= 0.7), so low probability leaves the basemap visible.
  QRgb heatArgbPremultiplied(double t, double maxAlpha) const;

private:
  Kind m_kind;
  std::array<QRgb, 256> m_lut{};
};

} // namespace streetlens::ui
