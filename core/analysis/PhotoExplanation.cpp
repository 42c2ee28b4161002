#include "core/analysis/PhotoExplanation.h"

#include "core/analysis/ExplanationOverlay.h"
#include "core/analysis/ZeroShot.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace streetlens {

ExplainRequest explainRequestFor(ExplainMethod method, const QStringList &labels, const QString &templ) {
  ExplainRequest r;
  r.method = method;
  for (const QString &l : labels)
    r.prompts << applyTemplate(templ, l);
  r.target = 0;
  r.label = labels.value(0);
  return r;
}

const std::vector<PlaceProbability> &placesOf(const ImageResult &r, PlaceLevel level) {
  switch (level) {
  case PlaceLevel::Country:
    return r.countries;
  case PlaceLevel::Region:
    return r.regions;
  case PlaceLevel::City:
    return r.cities;
  case PlaceLevel::Label:
    break;
  }
  return r.labels;
}

namespace {
QString nameOf(const std::vector<PlaceProbability> &list, const QString &code) {
  for (const auto &p : list)
    if (p.code == code)
      return p.name;
  return code;
}

QString promptFor(const ImageResult &r, const AnalysisSettings &s, PlaceLevel level,
                  const PlaceProbability &p) {
  const auto first = [](const QStringList &l) { return l.isEmpty() ? QStringLiteral("{}") : l.constFirst(); };
  QString t;
  switch (level) {
  case PlaceLevel::Country:
    t = first(s.countryTemplates);
    return t.replace(QLatin1String("{country}"), p.name);
  case PlaceLevel::Region:
    t = first(s.regionTemplates);
    return t.replace(QLatin1String("{region}"), p.name)
        .replace(QLatin1String("{country}"), nameOf(r.countries, p.country));
  case PlaceLevel::City:
    t = first(s.cityTemplates);
    return t.replace(QLatin1String("{city}"), p.name)
        .replace(QLatin1String("{region}"), nameOf(r.regions, p.region))
        .replace(QLatin1String("{country}"), nameOf(r.countries, p.country));
  case PlaceLevel::Label:
    break;
  }
  QString custom = s.customTemplate;
  return applyTemplate(custom.replace(QLatin1String("{label}"), QLatin1String("{}")), p.name);
}
} // namespace

ExplainRequest placeExplainRequest(const ImageResult &r, const AnalysisSettings &settings, PlaceLevel level,
                                   int index, ExplainMethod method, int others) {
  const auto &places = placesOf(r, level);
  ExplainRequest req;
  req.method = method;
  if (index < 0 || index >= int(places.size()))
    return req;
  req.label = places[size_t(index)].name;
  req.prompts << promptFor(r, settings, level, places[size_t(index)]);
  for (int i = 0; i < int(places.size()) && req.prompts.size() <= others; ++i)
    if (i != index)
      req.prompts << promptFor(r, settings, level, places[size_t(i)]);
  req.target = 0;
  return req;
}

PlaceLevel estimateLevel(const ImageResult &r) {
  if (!r.cities.empty())
    return PlaceLevel::City;
  if (!r.regions.empty())
    return PlaceLevel::Region;
  if (!r.countries.empty())
    return PlaceLevel::Country;
  return PlaceLevel::Label;
}

std::optional<PatchGrid> explainPhoto(EmbeddingEngine &engine, const RgbImage &photo,
                                      const ExplainRequest &request, const ExplainControl &control,
                                      QString *error) {
  const ClipImageConfig &cfg = engine.imageConfig();
  const std::vector<float> px = clipPreprocess(photo, cfg);
  if (px.size() != size_t(3) * size_t(cfg.cropHeight) * size_t(cfg.cropWidth)) {
    if (error)
      *error = QStringLiteral("the photo cannot be preprocessed for this model");
    return std::nullopt;
  }
  return engine.explain(px.data(), request, control, error);
}

QImage toQImage(const RgbImage &img) {
  if (img.isNull())
    return {};
  return QImage(img.pixels.data(), img.width, img.height, img.width * 3, QImage::Format_RGB888).copy();
}

bool writeGridJson(const PatchGrid &grid, const QString &path, QString *error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) {
    *error = QStringLiteral("%1: cannot write (%2)").arg(path, f.errorString());
    return false;
  }
  f.write(QJsonDocument(patchGridToJson(grid)).toJson(QJsonDocument::Compact));
  f.write("\n");
  if (!f.commit()) {
    *error = QStringLiteral("%1: cannot write (%2)").arg(path, f.errorString());
    return false;
  }
  return true;
}

bool writeOverlayPng(const QImage &photo, const PatchGrid &grid, const ClipImageConfig &cfg, double opacity,
                     const QString &path, QString *error) {
  const QImage out = renderExplanationOverlay(photo, grid, cfg, opacity);
  QSaveFile f(path);
  if (out.isNull() || !f.open(QIODevice::WriteOnly) || !out.save(&f, "PNG") || !f.commit()) {
    *error = QStringLiteral("%1: cannot write the overlay (%2)").arg(path, f.errorString());
    return false;
  }
  return true;
}

} // namespace streetlens
