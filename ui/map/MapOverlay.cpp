#include "ui/map/MapOverlay.h"

#include "core/geo/GreatCircle.h"
#include "core/geo/WebMercator.h"
#include "ui/map/HeatmapRasterizer.h"
#include "ui/map/MapRenderer.h"

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
  QFont f(style.fontFamily);
  f.setPointSizeF(pt);
  f.setBold(bold);
  return f;
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

QString formatKm(double km) {
  if (km < 10.0)
    return QStringLiteral("%1 km").arg(QLocale().toString(km, 'f', 1));
  return QStringLiteral("%1 km").arg(QLocale().toString(std::round(km), 'f', 0));
}

// Draws the great-circle line; returns its middle point (for the distance label).
QPointF paintLink(QPainter &p, const MapViewport &vp, const MapLink &link, const MapStyle &style) {
  const QVector<geo::GeoPoint> path = geo::greatCirclePath(link.exif, link.estimate, 96);
  if (path.isEmpty())
    return vp.geoToPixel(link.exif);
  // Unwrapped longitudes: project in world units and move the line to the copy of its start.
  const double shift =
      vp.pixelToWorld(vp.geoToPixel(link.exif)).x() - geo::mercator::toWorld(path.front()).x();
  QPolygonF line;
  for (const geo::GeoPoint &g : path)
    line << vp.worldToPixel(geo::mercator::toWorld(g) + QPointF(shift, 0.0));
  QPen under(QColor(255, 255, 255, 220), 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(under);
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(line);
  QPen pen(style.exif, 2.2, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(pen);
  p.drawPolyline(line);
  return line[line.size() / 2];
}

// Places labels next to their anchors at the first free spot (right, left, above, below) so that
// labels never cover each other or a marker; a label without room is left out.
struct LabelPlacer {
  std::vector<QRectF> taken;
  void reserve(QPointF at, double r) { taken.emplace_back(at - QPointF(r, r), QSizeF(2 * r, 2 * r)); }
  bool place(QPainter &p, QPointF at, double r, const QString &text, const QFont &f, const QColor &colour) {
    const QFontMetricsF fm(f);
    const double w = fm.horizontalAdvance(text), h = fm.height();
    const QRectF candidates[] = {
        QRectF(at.x() + r + 4, at.y() - h / 2, w, h), QRectF(at.x() - r - 4 - w, at.y() - h / 2, w, h),
        QRectF(at.x() - w / 2, at.y() - r - 3 - h, w, h), QRectF(at.x() - w / 2, at.y() + r + 3, w, h)};
    for (const QRectF &c : candidates) {
      if (std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(c); }))
        continue;
      taken.push_back(c);
      haloText(p, QPointF(c.left(), c.top() + fm.ascent()), text, f, colour);
      return true;
    }
    return false;
  }
};

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
  std::vector<QPointF> linkMiddles;
  for (const MapLink &l : scene.markers->links)
    linkMiddles.push_back(paintLink(p, vp, l, st));
  const QFont labelFont = font(st, 9.0, false);
  const QFont boldFont = font(st, 9.5, true);
  const auto &markers = scene.markers->markers;
  LabelPlacer labels;
  auto radiusOf = [](const MapMarker &m) {
    switch (m.kind) {
    case MapMarker::Kind::City:
      return m.rank == 1 ? 6.0 : 4.5;
    case MapMarker::Kind::Estimate:
      return 11.0;
    case MapMarker::Kind::Exif:
      return 8.0;
    case MapMarker::Kind::Image:
      return 9.0;
    }
    return 6.0;
  };
  for (int i = 0; i < static_cast<int>(markers.size()); ++i) {
    const MapMarker &m = markers[static_cast<size_t>(i)];
    const QPointF at = vp.geoToPixel(m.location);
    const double r = radiusOf(m);
    labels.reserve(at, r);
    switch (m.kind) {
    case MapMarker::Kind::City:
      paintPin(p, at, r, st.city);
      break;
    case MapMarker::Kind::Estimate: {
      p.setPen(QPen(Qt::white, 4.0));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(at, 10, 10);
      p.setPen(QPen(st.estimate, 2.4));
      p.drawEllipse(at, 10, 10);
      p.drawLine(at + QPointF(-15, 0), at + QPointF(-6, 0));
      p.drawLine(at + QPointF(6, 0), at + QPointF(15, 0));
      p.drawLine(at + QPointF(0, -15), at + QPointF(0, -6));
      p.drawLine(at + QPointF(0, 6), at + QPointF(0, 15));
      paintPin(p, at, 3.0, st.estimate);
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
    case MapMarker::Kind::Image: {
      paintPin(p, at, r, st.estimate);
      p.setPen(Qt::white);
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
  // Labels by priority: estimate, EXIF points, distances, then cities by rank.
  const MapMarker *estimateCity = nullptr; // the top city when the estimate sits on it
  for (const MapMarker &m : markers) {
    if (m.kind != MapMarker::Kind::Estimate)
      continue;
    const QPointF at = vp.geoToPixel(m.location);
    QString text = QCoreApplication::translate("streetlens::ui::MapOverlay", "Estimate");
    for (const MapMarker &c : markers) {
      if (c.kind == MapMarker::Kind::City && QLineF(vp.geoToPixel(c.location), at).length() < 3.0) {
        estimateCity = &c;
        text = QCoreApplication::translate("streetlens::ui::MapOverlay", "%1 %2 · estimate")
                   .arg(c.title, formatProbability(c.probability));
        break;
      }
    }
    labels.place(p, at, radiusOf(m), text, boldFont, st.estimate.darker(115));
  }
  for (const MapMarker &m : markers) {
    if (m.kind == MapMarker::Kind::Exif)
      labels.place(p, vp.geoToPixel(m.location), radiusOf(m),
                   QCoreApplication::translate("streetlens::ui::MapOverlay", "EXIF GPS"), boldFont,
                   st.exif.darker(130));
  }
  for (size_t i = 0; i < linkMiddles.size(); ++i)
    labels.place(p, linkMiddles[i], 3.0, formatKm(scene.markers->links[i].km), boldFont, st.exif.darker(130));
  std::vector<const MapMarker *> cities;
  for (const MapMarker &m : markers) {
    if (m.kind == MapMarker::Kind::City && m.rank <= 8 && &m != estimateCity)
      cities.push_back(&m);
  }
  std::sort(cities.begin(), cities.end(),
            [](const MapMarker *a, const MapMarker *b) { return a->rank < b->rank; });
  for (const MapMarker *m : cities)
    labels.place(p, vp.geoToPixel(m->location), radiusOf(*m),
                 QStringLiteral("%1 %2").arg(m->title, formatProbability(m->probability)),
                 m->rank == 1 ? boldFont : labelFont, st.city.darker(120));
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

void paintLegend(QPainter &p, const MapViewport &vp, const MapScene &scene) {
  const MapStyle &st = scene.style;
  const double W = vp.size().width(), H = vp.size().height();
  p.save();
  p.resetTransform();
  p.setRenderHint(QPainter::Antialiasing, true);
  const QFont small = font(st, 8.0);
  const QFont title = font(st, 8.5, true);
  const QFontMetricsF fmSmall(small);

  // Heatmap / choropleth legend panel, bottom left.
  const bool heat = scene.has(MapLayer::Heatmap) && scene.field && scene.field->maxDensity() > 0.0;
  const bool choro =
      scene.has(MapLayer::Choropleth) && scene.countryProbabilities && !scene.countryProbabilities->isEmpty();
  if (heat || choro) {
    const double pw = 210, ph = (heat ? 62 : 0) + (choro ? 40 : 0) + 8;
    const QRectF panel(10, H - ph - 10, pw, ph);
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
        const QString s =
            QStringLiteral("%1 %").arg(HeatmapRasterizer::densityAt(t, maxD) * 100.0, 0, 'g', 2);
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

  // Scale bar and attribution, bottom right.
  double km = 0;
  const double len = scaleBarLength(vp, 110, &km);
  QString attribution = scene.attribution;
  if (scene.has(MapLayer::Tiles) && !scene.tileAttribution.isEmpty())
    attribution = scene.tileAttribution + QStringLiteral(" · ") + attribution;
  const double aw = fmSmall.horizontalAdvance(attribution);
  const QRectF attr(W - aw - 12, H - fmSmall.height() - 4, aw + 8, fmSmall.height() + 2);
  p.fillRect(attr, QColor(255, 255, 255, 190));
  p.setFont(small);
  p.setPen(st.panelText);
  p.drawText(attr, Qt::AlignCenter, attribution);
  const double bx = W - len - 16, by = attr.top() - 10;
  p.setPen(QPen(QColor(255, 255, 255, 220), 4.0));
  p.drawLine(QPointF(bx, by), QPointF(bx + len, by));
  p.setPen(QPen(st.panelText, 1.6));
  p.drawLine(QPointF(bx, by), QPointF(bx + len, by));
  p.drawLine(QPointF(bx, by - 4), QPointF(bx, by));
  p.drawLine(QPointF(bx + len, by - 4), QPointF(bx + len, by));
  haloText(p, QPointF(bx, by - 6), formatKm(km), small, st.panelText);

  if (!scene.statusText.isEmpty()) {
    const QFont f = font(st, 9.0, true);
    const QFontMetricsF fm(f);
    const double tw = fm.horizontalAdvance(scene.statusText);
    const QRectF box(W / 2 - tw / 2 - 10, 8, tw + 20, fm.height() + 8);
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
