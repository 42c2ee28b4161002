#include "ui/map/MapOverlay.h"

#include "core/geo/GreatCircle.h"
#include "core/geo/WebMercator.h"
#include "ui/map/ColorRamp.h"
#include "ui/map/HeatmapRasterizer.h"
#include "ui/map/MapRenderer.h"
#include "ui/map/MarkerLabels.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLineF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <vector>

namespace streetlens::ui {

namespace {

QFont font(const MapStyle &style, double pt, bool bold = false) {
  return mapFont(style, pt, bold);
}

// Text with a white halo so it stays readable over any colour.
void haloText(QPainter &p, QPointF baseline, const QString &text, const QFont &f, const QColor &colour,
              const QColor &halo = QColor(255, 255, 255, 220)) {
  QPainterPath path;
  path.addText(baseline, f, text);
  p.setPen(QPen(halo, 3.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
  p.setBrush(Qt::NoBrush);
  p.drawPath(path);
  p.setPen(Qt::NoPen);
  p.setBrush(colour);
  p.drawPath(path);
}

// Draws the great-circle line between an EXIF point and its estimate.
void paintLink(QPainter &p, const MapViewport &vp, const MapLink &link, const MapStyle &style) {
  const QPolygonF line = linkPixels(vp, link);
  if (line.isEmpty())
    return;
  QPen under(QColor(255, 255, 255, 220), 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(under);
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(line);
  QPen pen(style.exif, 2.2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(pen);
  p.drawPolyline(line);
}

// A legend value in per cent: two significant digits, never in exponent notation ("1.2e+02 %"
// overlapped its neighbour where the field is dense).
QString legendPercent(double pct) {
  if (pct >= 10.0)
    return QStringLiteral("%1 %").arg(QLocale().toString(pct, 'f', 0));
  if (pct >= 1.0)
    return QStringLiteral("%1 %").arg(QLocale().toString(pct, 'f', 1));
  return QStringLiteral("%1 %").arg(pct, 0, 'g', 2);
}

void paintPin(QPainter &p, QPointF at, double r, const QColor &fill, const QColor &ring = Qt::white) {
  p.setPen(QPen(ring, 1.8));
  p.setBrush(fill);
  p.drawEllipse(at, r, r);
}

} // namespace

void paintMarkers(QPainter &p, const MapViewport &vp, const MapScene &scene, int highlight) {
  if (!scene.markers)
    return;
  const MapStyle &st = scene.style;
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::Antialiasing, true);
  for (const MapLink &l : scene.markers->links)
    paintLink(p, vp, l, st);
  const auto &markers = scene.markers->markers;
  std::vector<QPointF> anchors;
  const std::vector<QPointF> drawnAt = scene.markers->pixels(vp, &anchors);
  // Markers spread off a shared spot keep a thin line to where they are.
  p.setPen(QPen(QColor(0x40, 0x40, 0x40, 160), 1.0));
  for (size_t i = 0; i < markers.size(); ++i) {
    if (QLineF(anchors[i], drawnAt[i]).length() > 0.5)
      p.drawLine(anchors[i], drawnAt[i]);
  }
  for (int i = 0; i < static_cast<int>(markers.size()); ++i) {
    const MapMarker &m = markers[static_cast<size_t>(i)];
    const QPointF at = drawnAt[static_cast<size_t>(i)];
    const double r = markerRadius(m);
    switch (m.kind) {
    case MapMarker::Kind::City:
      paintPin(p, at, r, st.city);
      break;
    case MapMarker::Kind::Estimate: {
      const QColor estimate = m.color.isValid() ? m.color : st.estimate;
      p.setPen(QPen(Qt::white, 4.0));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(at, 10, 10);
      p.setPen(QPen(estimate, 2.4));
      p.drawEllipse(at, 10, 10);
      p.drawLine(at + QPointF(-15, 0), at + QPointF(-6, 0));
      p.drawLine(at + QPointF(6, 0), at + QPointF(15, 0));
      p.drawLine(at + QPointF(0, -15), at + QPointF(0, -6));
      p.drawLine(at + QPointF(0, 6), at + QPointF(0, 15));
      paintPin(p, at, 3.0, estimate);
      break;
    }
    case MapMarker::Kind::Exif: {
      QPolygonF diamond;
      diamond << at + QPointF(0, -8) << at + QPointF(8, 0) << at + QPointF(0, 8) << at + QPointF(-8, 0);
      p.setPen(QPen(Qt::white, 2.0));
      p.setBrush(st.exif);
      p.drawPolygon(diamond);
      break;
    }
    case MapMarker::Kind::Truth: { // a flag on a pole standing on the point
      p.setPen(QPen(Qt::white, 4.0));
      p.drawLine(at, at + QPointF(0, -18));
      p.setPen(QPen(st.truth, 2.0));
      p.drawLine(at, at + QPointF(0, -18));
      QPolygonF flag;
      flag << at + QPointF(0, -18) << at + QPointF(12, -14) << at + QPointF(0, -10);
      p.setPen(QPen(Qt::white, 1.5));
      p.setBrush(st.truth);
      p.drawPolygon(flag);
      paintPin(p, at, 3.0, st.truth);
      break;
    }
    case MapMarker::Kind::GalleryPhoto: // a small square: a photo at its place
      p.setPen(QPen(Qt::white, 1.5));
      p.setBrush(st.gallery);
      p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
      break;
    case MapMarker::Kind::Gallery: { // a ring with a square inside: where the gallery points
      p.setPen(QPen(Qt::white, 4.0));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(at, 8, 8);
      p.setPen(QPen(st.gallery, 2.4));
      p.drawEllipse(at, 8, 8);
      p.setPen(Qt::NoPen);
      p.setBrush(st.gallery);
      p.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6));
      break;
    }
    case MapMarker::Kind::Image: {
      paintPin(p, at, r, m.color.isValid() ? m.color : st.estimate);
      p.setPen(m.color.isValid() && m.color.lightnessF() > 0.6 ? QColor(0x22, 0x22, 0x22)
                                                               : QColor(Qt::white));
      p.setFont(font(st, 8.0, true));
      p.drawText(QRectF(at.x() - 9, at.y() - 9, 18, 18), Qt::AlignCenter, QString::number(m.imageIndex + 1));
      break;
    }
    }
    if (i == highlight) {
      p.setPen(QPen(QColor(255, 200, 0), 2.5));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(at, r + 4, r + 4);
    }
  }
  for (const MarkerLabel &l : layoutMarkerLabels(vp, scene, scene.reservedAreas))
    haloText(p, QPointF(l.rect.left(), l.rect.top() + QFontMetricsF(l.font).ascent()), l.text, l.font,
             l.colour);
  p.restore();
}

double scaleBarLength(const MapViewport &vp, double maxPx, double *km) {
  const double kmPerPx = vp.kmPerPixel();
  const double maxKm = kmPerPx * maxPx;
  const double mag = std::pow(10.0, std::floor(std::log10(std::max(maxKm, 1e-6))));
  double nice = mag;
  for (double f : {5.0, 2.0, 1.0}) {
    if (f * mag <= maxKm) {
      nice = f * mag;
      break;
    }
  }
  if (km)
    *km = nice;
  return nice / kmPerPx;
}

namespace {

// Where the legend layer's parts go; shared by paintLegend and legendAreas.
struct LegendGeometry {
  bool heat = false, choro = false;
  QRectF panel;       // heatmap / choropleth legend, bottom left (null when neither is shown)
  QRectF markerPanel; // the photos' colouring by a task, above it (null without one)
  QRectF attribution; // bottom right
  QRectF scale;       // the scale bar and its text, above the attribution
  QRectF status;      // top centre (null without status text)
  double scaleKm = 0.0, scaleLen = 0.0;
  QString attributionText;
};

LegendGeometry legendGeometry(const MapViewport &vp, const MapScene &scene) {
  const MapStyle &st = scene.style;
  const double W = vp.size().width(), H = vp.size().height();
  const QFontMetricsF fmSmall(font(st, 8.0));
  LegendGeometry g;
  g.heat = scene.has(MapLayer::Heatmap) && scene.field && scene.field->maxDensity() > 0.0;
  g.choro =
      scene.has(MapLayer::Choropleth) && scene.countryProbabilities && !scene.countryProbabilities->isEmpty();
  if (g.heat || g.choro) {
    const double pw = 210, ph = (g.heat ? 62 : 0) + (g.choro ? 40 : 0) + 8;
    g.panel = QRectF(10, H - ph - 10, pw, ph);
  }
  if (scene.markerLegend && !scene.markerLegend->title.isEmpty()) {
    const MarkerLegend &ml = *scene.markerLegend;
    const QFontMetricsF fmTitle(font(st, 8.5, true));
    double w = fmTitle.horizontalAdvance(ml.title) + 16;
    for (const auto &e : ml.entries)
      w = std::max(w, fmSmall.horizontalAdvance(e.first) + 34);
    const double h = 22 + (ml.ramp ? 30 : 15.0 * double(ml.entries.size())) + 4;
    const double bottom = g.panel.isNull() ? H - 10 : g.panel.top() - 6;
    g.markerPanel = QRectF(10, bottom - h, std::min(w, std::max(120.0, W * 0.45)), h);
  }
  g.scaleLen = scaleBarLength(vp, 110, &g.scaleKm);
  g.attributionText = scene.attribution;
  if (scene.has(MapLayer::Tiles) && !scene.tileAttribution.isEmpty())
    g.attributionText = scene.tileAttribution + QStringLiteral(" · ") + g.attributionText;
  const double aw = fmSmall.horizontalAdvance(g.attributionText);
  g.attribution = QRectF(W - aw - 12, H - fmSmall.height() - 4, aw + 8, fmSmall.height() + 2);
  const double bx = W - g.scaleLen - 16, by = g.attribution.top() - 10;
  const double textW = std::max(g.scaleLen, fmSmall.horizontalAdvance(formatKm(g.scaleKm)));
  g.scale = QRectF(bx - 4, by - 6 - fmSmall.height() - 2, textW + 8, fmSmall.height() + 14);
  if (!scene.statusText.isEmpty()) {
    const QFontMetricsF fm(font(st, 9.0, true));
    const double tw = fm.horizontalAdvance(scene.statusText);
    g.status = QRectF(W / 2 - tw / 2 - 10, 8, tw + 20, fm.height() + 8);
  }
  return g;
}

} // namespace

std::vector<QRectF> legendAreas(const MapViewport &vp, const MapScene &scene) {
  if (!scene.has(MapLayer::Legend))
    return {};
  const LegendGeometry g = legendGeometry(vp, scene);
  std::vector<QRectF> out{g.attribution, g.scale};
  if (!g.panel.isNull())
    out.push_back(g.panel);
  if (!g.markerPanel.isNull())
    out.push_back(g.markerPanel);
  if (!g.status.isNull())
    out.push_back(g.status);
  return out;
}

void paintLegend(QPainter &p, const MapViewport &vp, const MapScene &scene) {
  const MapStyle &st = scene.style;
  const LegendGeometry g = legendGeometry(vp, scene);
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::Antialiasing, true);
  const QFont small = font(st, 8.0);
  const QFont title = font(st, 8.5, true);
  const QFontMetricsF fmSmall(small);

  // Heatmap / choropleth legend panel, bottom left.
  const bool heat = g.heat, choro = g.choro;
  if (heat || choro) {
    const QRectF panel = g.panel;
    const double pw = panel.width();
    p.setPen(QPen(QColor(0, 0, 0, 40), 1));
    p.setBrush(st.panel);
    p.drawRoundedRect(panel, 4, 4);
    double y = panel.top() + 6;
    if (heat) {
      const double maxD = scene.field->maxDensity();
      p.setPen(st.panelText);
      p.setFont(title);
      p.drawText(QPointF(panel.left() + 8, y + 11),
                 QCoreApplication::translate("streetlens::ui::MapOverlay", "Probability per 10,000 km²"));
      const QRectF bar(panel.left() + 8, y + 17, pw - 16, 11);
      QImage grad(256, 1, QImage::Format_ARGB32_Premultiplied);
      for (int i = 0; i < 256; ++i)
        grad.setPixel(i, 0, scene.ramp.heatArgbPremultiplied(i / 255.0, st.heatmapOpacity));
      p.fillRect(bar, st.land);
      p.drawImage(bar, grad);
      p.setPen(QPen(QColor(0, 0, 0, 90), 0.8));
      p.setBrush(Qt::NoBrush);
      p.drawRect(bar);
      p.setFont(small);
      p.setPen(st.panelText);
      for (double t : {0.0, 2.0 / 3.0, 1.0}) {
        const double x = bar.left() + t * bar.width();
        const QString s = legendPercent(HeatmapRasterizer::densityAt(t, maxD) * 100.0);
        const double tw = fmSmall.horizontalAdvance(s);
        const double tx = std::clamp(x - tw / 2, bar.left(), bar.right() - tw);
        p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 3));
        p.drawText(QPointF(tx, bar.bottom() + 14), s);
      }
      p.drawText(QPointF(panel.left() + 8, bar.bottom() + 27),
                 QCoreApplication::translate("streetlens::ui::MapOverlay", "logarithmic scale · %1")
                     .arg(scene.ramp.name()));
      y += 62;
    }
    if (choro) {
      double maxP = 0.0;
      for (double v : *scene.countryProbabilities)
        maxP = std::max(maxP, v);
      p.setPen(st.panelText);
      p.setFont(title);
      p.drawText(QPointF(panel.left() + 8, y + 11),
                 QCoreApplication::translate("streetlens::ui::MapOverlay", "Country probability"));
      p.setFont(small);
      double x = panel.left() + 8;
      for (double f : {0.05, 0.3, 1.0}) {
        const double v = f * maxP;
        QColor c = st.choroplethHigh;
        c.setAlphaF(static_cast<float>(MapRenderer::choroplethAlpha(f)));
        const QRectF sw(x, y + 17, 14, 11);
        p.fillRect(sw, st.land);
        p.fillRect(sw, c);
        p.setPen(QPen(QColor(0, 0, 0, 80), 0.8));
        p.drawRect(sw);
        p.setPen(st.panelText);
        p.drawText(QPointF(x + 18, y + 26), formatProbability(v));
        x += 64;
      }
    }
  }

  // The photos' colouring by a scene task, above it.
  if (!g.markerPanel.isNull()) {
    const MarkerLegend &ml = *scene.markerLegend;
    const QRectF panel = g.markerPanel;
    p.setPen(QPen(QColor(0, 0, 0, 40), 1));
    p.setBrush(st.panel);
    p.drawRoundedRect(panel, 4, 4);
    p.setPen(st.panelText);
    p.setFont(title);
    const QFontMetricsF fmTitle(title);
    p.drawText(QPointF(panel.left() + 8, panel.top() + 15),
               fmTitle.elidedText(ml.title, Qt::ElideRight, panel.width() - 16));
    p.setFont(small);
    double y = panel.top() + 22;
    if (ml.ramp) {
      const QRectF bar(panel.left() + 8, y, panel.width() - 16, 10);
      const ColorRamp viridis(ColorRamp::Kind::Viridis);
      QImage grad(256, 1, QImage::Format_RGB32);
      for (int i = 0; i < 256; ++i)
        grad.setPixel(i, 0, viridis.rgbAt(i / 255.0));
      p.drawImage(bar, grad);
      p.setPen(st.panelText);
      p.drawText(QPointF(bar.left(), bar.bottom() + 13), QStringLiteral("0 %"));
      const QString hundred = QStringLiteral("100 %");
      p.drawText(QPointF(bar.right() - fmSmall.horizontalAdvance(hundred), bar.bottom() + 13), hundred);
    } else {
      for (const auto &[text, colour] : ml.entries) {
        paintPin(p, QPointF(panel.left() + 14, y + 6), 5.0, colour);
        p.setPen(st.panelText);
        p.drawText(QPointF(panel.left() + 26, y + 10),
                   fmSmall.elidedText(text, Qt::ElideRight, panel.width() - 34));
        y += 15;
      }
    }
  }

  // Scale bar and attribution, bottom right.
  const double km = g.scaleKm, len = g.scaleLen;
  const QRectF attr = g.attribution;
  p.fillRect(attr, QColor(255, 255, 255, 190));
  p.setFont(small);
  p.setPen(st.panelText);
  p.drawText(attr, Qt::AlignCenter, g.attributionText);
  const double bx = vp.size().width() - len - 16, by = attr.top() - 10;
  p.setPen(QPen(QColor(255, 255, 255, 220), 4.0));
  p.drawLine(QPointF(bx, by), QPointF(bx + len, by));
  p.setPen(QPen(st.panelText, 1.6));
  p.drawLine(QPointF(bx, by), QPointF(bx + len, by));
  p.drawLine(QPointF(bx, by - 4), QPointF(bx, by));
  p.drawLine(QPointF(bx + len, by - 4), QPointF(bx + len, by));
  haloText(p, QPointF(bx, by - 6), formatKm(km), small, st.panelText);

  if (!scene.statusText.isEmpty()) {
    const QFont f = font(st, 9.0, true);
    const QRectF box = g.status;
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x80, 0x30, 0x10, 215));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(Qt::white);
    p.setFont(f);
    p.drawText(box, Qt::AlignCenter, scene.statusText);
  }
  p.restore();
}

} // namespace streetlens::ui
