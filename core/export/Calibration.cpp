#include "core/export/Calibration.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/gazetteer/Gazetteer.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace streetlens::exporting {

std::optional<CalibrationRow> calibrationRow(const ImageResult &r, geo::GeoPoint truth,
                                             const gazetteer::Gazetteer *gaz) {
  if (r.status != ImageStatus::Done || !r.estimate)
    return std::nullopt;
  CalibrationRow row;
  for (size_t i = 0; i < kCoverageLevels.size(); ++i) {
    if (const ConfidenceRegion *region = regionAtLevel(r, kCoverageLevels[i])) {
      row.hasRegions = true;
      row.inside[i] = regionContains(*region, truth);
      row.areaKm2[i] = region->areaKm2;
    }
  }
  if (const auto *c = gaz ? gaz->countryAt(truth) : nullptr) {
    row.trueCountry = c->code2;
    row.trueContinent = c->continentName;
  }
  if (!r.countries.empty()) {
    row.topCountry = r.countries.front().code.toUpper();
    row.topCountryP = r.countries.front().probability;
  }
  return row;
}

CalibrationSummary summarizeCalibration(const std::vector<CalibrationRow> &rows) {
  CalibrationSummary s;
  s.n = int(rows.size());
  constexpr int kBins = 10;
  std::array<double, kBins> conf{}, hits{};
  std::array<int, kBins> count{};
  for (const CalibrationRow &r : rows) {
    if (r.hasRegions) {
      ++s.withRegions;
      for (size_t i = 0; i < kCoverageLevels.size(); ++i) {
        s.coverage[i] += r.inside[i] ? 1.0 : 0.0;
        s.meanAreaKm2[i] += r.areaKm2[i];
      }
    }
    if (!r.trueCountry.isEmpty() && !r.topCountry.isEmpty()) {
      ++s.withCountry;
      const int b = std::clamp(int(r.topCountryP * kBins), 0, kBins - 1);
      ++count[size_t(b)];
      conf[size_t(b)] += r.topCountryP;
      hits[size_t(b)] += r.topCountry == r.trueCountry ? 1.0 : 0.0;
    }
  }
  for (size_t i = 0; i < kCoverageLevels.size() && s.withRegions > 0; ++i) {
    s.coverage[i] /= s.withRegions;
    s.meanAreaKm2[i] /= s.withRegions;
  }
  for (int b = 0; b < kBins && s.withCountry > 0; ++b)
    if (count[size_t(b)] > 0)
      s.countryEce += double(count[size_t(b)]) / s.withCountry *
                      std::abs(hits[size_t(b)] / count[size_t(b)] - conf[size_t(b)] / count[size_t(b)]);
  return s;
}

namespace {

constexpr double kMinKm = 1.0, kMaxKm = 20000.0;

// The plot in a 800 x 500 box: (x, y) of an error / share.
struct Frame {
  double left = 70, right = 770, top = 40, bottom = 440;
  double x(double km) const {
    const double t = (std::log10(std::clamp(km, kMinKm, kMaxKm)) - std::log10(kMinKm)) /
                     (std::log10(kMaxKm) - std::log10(kMinKm));
    return left + t * (right - left);
  }
  double y(double share) const { return bottom - share * (bottom - top); }
};

// The empirical cumulative curve as a step polyline.
QVector<QPointF> curve(std::vector<double> errors, const Frame &f) {
  std::sort(errors.begin(), errors.end());
  QVector<QPointF> pts{{f.x(kMinKm), f.y(0)}};
  const double n = double(errors.size());
  for (size_t i = 0; i < errors.size(); ++i) {
    pts.push_back({f.x(errors[i]), f.y(double(i) / n)});
    pts.push_back({f.x(errors[i]), f.y(double(i + 1) / n)});
  }
  pts.push_back({f.x(kMaxKm), pts.back().y()});
  return pts;
}

QString svgPlot(const std::vector<double> &errors) {
  const Frame f;
  QString s =
      QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"500\" "
                     "font-family=\"sans-serif\" font-size=\"13\">\n<rect width=\"800\" height=\"500\" "
                     "fill=\"white\"/>\n");
  s += QStringLiteral(
           "<text x=\"400\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">Share of photos within "
           "an error (n = %1)</text>\n")
           .arg(errors.size());
  for (double km : {1.0, 10.0, 100.0, 1000.0, 10000.0})
    s += QStringLiteral(
             "<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#ddd\"/><text x=\"%1\" y=\"%4\" "
             "text-anchor=\"middle\">%5 km</text>\n")
             .arg(f.x(km))
             .arg(f.top)
             .arg(f.bottom)
             .arg(f.bottom + 18)
             .arg(km, 0, 'f', 0);
  for (int p = 0; p <= 100; p += 20)
    s += QStringLiteral(
             "<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/><text x=\"%4\" y=\"%5\" "
             "text-anchor=\"end\">%6 %</text>\n")
             .arg(f.left)
             .arg(f.y(p / 100.0))
             .arg(f.right)
             .arg(f.left - 6)
             .arg(f.y(p / 100.0) + 4)
             .arg(p);
  QString pts;
  for (const QPointF &p : curve(errors, f))
    pts += QStringLiteral("%1,%2 ").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1);
  s += QStringLiteral("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"%1\"/>\n")
           .arg(pts.trimmed());
  for (size_t i = 0; i < kPaperKm.size(); ++i)
    s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"#e65100\"/>\n")
             .arg(f.x(kPaperKm[i]))
             .arg(f.y(kPaperIm2gpsPercent[i] / 100.0));
  s += QStringLiteral(
      "<line x1=\"90\" y1=\"60\" x2=\"120\" y2=\"60\" stroke=\"#1565c0\" stroke-width=\"2\"/>"
      "<text x=\"126\" y=\"64\">these photos</text><circle cx=\"105\" cy=\"82\" r=\"5\" "
      "fill=\"#e65100\"/><text x=\"126\" y=\"86\">StreetCLIP model card, IM2GPS</text>\n</svg>\n");
  return s;
}

QImage pngPlot(const std::vector<double> &errors) {
  const Frame f;
  QImage img(800, 500, QImage::Format_RGB32);
  img.fill(Qt::white);
  QPainter p(&img);
  p.setRenderHint(QPainter::Antialiasing);
  QFont font = p.font();
  font.setPixelSize(13);
  p.setFont(font);
  p.drawText(QRectF(0, 6, 800, 24), Qt::AlignCenter,
             QStringLiteral("Share of photos within an error (n = %1)").arg(errors.size()));
  for (double km : {1.0, 10.0, 100.0, 1000.0, 10000.0}) {
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    p.drawLine(QPointF(f.x(km), f.top), QPointF(f.x(km), f.bottom));
    p.setPen(Qt::black);
    p.drawText(QRectF(f.x(km) - 40, f.bottom + 4, 80, 18), Qt::AlignCenter, QStringLiteral("%1 km").arg(km));
  }
  for (int pc = 0; pc <= 100; pc += 20) {
    p.setPen(QColor(0xdd, 0xdd, 0xdd));
    p.drawLine(QPointF(f.left, f.y(pc / 100.0)), QPointF(f.right, f.y(pc / 100.0)));
    p.setPen(Qt::black);
    p.drawText(QRectF(0, f.y(pc / 100.0) - 9, f.left - 6, 18), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("%1 %").arg(pc));
  }
  p.setPen(QPen(QColor(0x15, 0x65, 0xc0), 2));
  p.drawPolyline(curve(errors, f));
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0xe6, 0x51, 0x00));
  for (size_t i = 0; i < kPaperKm.size(); ++i)
    p.drawEllipse(QPointF(f.x(kPaperKm[i]), f.y(kPaperIm2gpsPercent[i] / 100.0)), 5, 5);
  p.drawEllipse(QPointF(105, 82), 5, 5);
  p.setPen(QPen(QColor(0x15, 0x65, 0xc0), 2));
  p.drawLine(QPointF(90, 60), QPointF(120, 60));
  p.setPen(Qt::black);
  p.drawText(QPointF(126, 64), QStringLiteral("these photos"));
  p.drawText(QPointF(126, 86), QStringLiteral("StreetCLIP model card, IM2GPS"));
  return img;
}

} // namespace

bool writeAccuracyPlot(const std::vector<double> &errorsKm, const QString &path, QString *error) {
  const QString ext = QFileInfo(path).suffix().toLower();
  QSaveFile f(path);
  if (ext != QLatin1String("png") && ext != QLatin1String("svg")) {
    *error = QStringLiteral("%1: the plot is written as .png or .svg").arg(path);
    return false;
  }
  if (!f.open(QIODevice::WriteOnly)) {
    *error = QStringLiteral("%1: cannot write (%2)").arg(path, f.errorString());
    return false;
  }
  bool ok = ext == QLatin1String("svg") ? f.write(svgPlot(errorsKm).toUtf8()) > 0
                                        : pngPlot(errorsKm).save(&f, "PNG");
  if (!ok || !f.commit()) {
    *error = QStringLiteral("%1: cannot write (%2)").arg(path, f.errorString());
    return false;
  }
  return true;
}

} // namespace streetlens::exporting
