#include "ui/map/ColorRamp.h"

#include <algorithm>
#include <cmath>

namespace streetlens::ui {

namespace {

// Ten evenly spaced control colours of each ramp; linear interpolation in between.
constexpr std::array<QRgb, 10> kViridis = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
                                           0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
constexpr std::array<QRgb, 10> kMagma = {0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f,
                                         0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf};

} // namespace

ColorRamp::ColorRamp(Kind kind) : m_kind(kind) {
  const auto &stops = kind == Kind::Viridis ? kViridis : kMagma;
  const int n = static_cast<int>(stops.size());
  for (int i = 0; i < 256; ++i) {
    const double pos = i / 255.0 * (n - 1);
    const int a = std::min(static_cast<int>(pos), n - 2);
    const double f = pos - a;
    auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    const QRgb ca = stops[static_cast<size_t>(a)], cb = stops[static_cast<size_t>(a + 1)];
    m_lut[static_cast<size_t>(i)] =
        qRgb(mix(qRed(ca), qRed(cb)), mix(qGreen(ca), qGreen(cb)), mix(qBlue(ca), qBlue(cb)));
  }
}

QString ColorRamp::name() const {
  return m_kind == Kind::Viridis ? QStringLiteral("viridis") : QStringLiteral("magma");
}

QRgb ColorRamp::rgbAt(double t) const {
  if (!std::isfinite(t))
    t = 0.0;
  const int i = static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
  return m_lut[static_cast<size_t>(i)];
}

QRgb ColorRamp::heatArgbPremultiplied(double t, double maxAlpha) const {
  if (!(t > 0.0))
    return 0;
  // Smoothstep from t = 0.15 to 0.7: the faint tails stay see-through, the peaks opaque.
  const double u = std::clamp((t - 0.15) / (0.7 - 0.15), 0.0, 1.0);
  const double a = std::clamp(maxAlpha, 0.0, 1.0) * u * u * (3.0 - 2.0 * u);
  const QRgb c = rgbAt(t);
  const int alpha = static_cast<int>(std::lround(a * 255.0));
  if (alpha <= 0)
    return 0;
  return qRgba(qRed(c) * alpha / 255, qGreen(c) * alpha / 255, qBlue(c) * alpha / 255, alpha);
}

} // namespace streetlens::ui
