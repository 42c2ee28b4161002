#include "core/analysis/GeoAnalyzer.h"

#include "core/analysis/ConfidenceRegions.h"
#include "core/analysis/LabelEmbeddingCache.h"
#include "core/analysis/SceneTaskScorer.h"
#include "core/analysis/ZeroShot.h"
#include "core/gazetteer/CommonNames.h"
#include "core/geo/GreatCircle.h"

#include <QCryptographicHash>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace streetlens {

namespace {
constexpr int kKeepPerLevel = 50; // entries kept per level in a result (exports cut to top-k)

struct PromptFields {
  QString country, region, city;
};

QString fill(QString t, const PromptFields &f) {
  if (f.region.isEmpty()) { // a city without a known region: drop the region from the caption
    t.replace(QStringLiteral(" in the region of {region}"), QString());
    t.replace(QStringLiteral("{region}, "), QString());
  }
  t.replace(QStringLiteral("{country}"), f.country);
  t.replace(QStringLiteral("{region}"), f.region);
  t.replace(QStringLiteral("{city}"), f.city);
  t.replace(QStringLiteral("{label}"), f.city);
  t.replace(QStringLiteral("{}"), f.city);
  return t;
}

void sortAndCut(std::vector<PlaceProbability> &v, size_t keep) {
  std::stable_sort(v.begin(), v.end(), [](const PlaceProbability &a, const PlaceProbability &b) {
    return a.probability > b.probability;
  });
  if (v.size() > keep)
    v.resize(keep);
}

// Softmax of scale * <x, rows[i]> over the given rows.
std::vector<double> softmaxOver(const EmbeddingMatrix &emb, const std::vector<int> &rows,
                                const std::vector<float> &x, float scale) {
  std::vector<double> logits(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const float *r = emb.row(rows[i]);
    double dot = 0;
    for (int k = 0; k < emb.cols; ++k)
      dot += double(r[k]) * x[size_t(k)];
    logits[i] = dot * scale;
  }
  return softmax(std::move(logits));
}
} // namespace

// One label set: what each row is, the prompt fields, and the normalised (ensembled) embeddings.
struct GeoAnalyzer::Level {
  std::vector<PlaceProbability> entries;
  std::vector<PromptFields> fields;
  EmbeddingMatrix emb;
  QHash<QString, std::vector<int>> byCountry; // alpha-2 -> rows
  std::vector<int> all() const {
    std::vector<int> r(entries.size());
    std::iota(r.begin(), r.end(), 0);
    return r;
  }
};

GeoAnalyzer::GeoAnalyzer(EmbeddingEngine &engine, std::shared_ptr<const gazetteer::Gazetteer> gazetteer,
                         AnalysisSettings settings, QString cacheDir)
    : engine_(engine), gaz_(std::move(gazetteer)), settings_(std::move(settings)),
      cache_(std::make_unique<LabelEmbeddingCache>(std::move(cacheDir))),
      tasks_(std::make_unique<SceneTaskScorer>()), clues_(std::make_unique<SceneTaskScorer>()) {}

GeoAnalyzer::~GeoAnalyzer() = default;

int GeoAnalyzer::cacheHits() const {
  return cacheHits_ + tasks_->cacheHits() + clues_->cacheHits();
}
int GeoAnalyzer::cacheMisses() const {
  return cacheMisses_ + tasks_->cacheMisses() + clues_->cacheMisses();
}

QString GeoAnalyzer::settingsKey() const {
  const QByteArray h = QCryptographicHash::hash((engine_.info().modelHash + settings_.fingerprint()).toUtf8(),
                                                QCryptographicHash::Sha256);
  return QString::fromLatin1(h.toHex().left(16));
}

bool GeoAnalyzer::embedLevel(Level &level, const QStringList &templates, const Progress &progress,
                             QString *error) {
  const int n = int(level.entries.size());
  level.emb = {};
  if (n == 0)
    return true;
  EmbeddingMatrix sum;
  for (const QString &templ : templates) {
    QStringList prompts;
    prompts.reserve(n);
    for (const PromptFields &f : level.fields)
      prompts << fill(templ, f);
    bool hit = false;
    std::optional<EmbeddingMatrix> m = embedPromptsCached(
        engine_, *cache_, prompts,
        [&](int done, int total) { return !progress || progress(done, total, templ); }, &hit, error);
    if (!m)
      return false;
    ++(hit ? cacheHits_ : cacheMisses_);
    normalizeRows(*m);
    if (sum.isEmpty()) {
      sum = *m;
    } else {
      for (size_t i = 0; i < sum.data.size(); ++i)
        sum.data[i] += m->data[i];
    }
  }
  normalizeRows(sum);
  level.emb = std::move(sum);
  return true;
}

bool GeoAnalyzer::prepareLevels(const Progress &progress, QString *error) {
  countries_ = std::make_unique<Level>();
  regions_ = std::make_unique<Level>();
  cities_ = std::make_unique<Level>();
  custom_.reset();
  QSet<QString> allowed;
  for (const QString &c : settings_.restrictToCountries)
    if (const auto *country = gaz_->country(c))
      allowed.insert(country->code2);
  if (!settings_.restrictToCountries.isEmpty() && allowed.isEmpty()) {
    *error = QStringLiteral("none of the countries to restrict to is known: %1")
                 .arg(settings_.restrictToCountries.join(QStringLiteral(", ")));
    return false;
  }
  QHash<QString, QString> countryName;
  for (const auto &c : gaz_->countries()) {
    if (!allowed.isEmpty() && !allowed.contains(c.code2))
      continue;
    const QString name = gazetteer::commonEnglishName(c.code2, c.name());
    countryName.insert(c.code2, name);
    PlaceProbability p;
    p.code = c.code2;
    p.name = name;
    p.country = c.code2;
    p.location = c.representativePoint;
    p.population = c.population;
    countries_->byCountry[c.code2].push_back(int(countries_->entries.size()));
    countries_->entries.push_back(p);
    countries_->fields.push_back({name, {}, {}});

    for (const auto *r : gaz_->regionsOf(c.code2)) {
      PlaceProbability e{r->code, r->name, c.code2, r->code, r->center, r->population, 0.0};
      regions_->byCountry[c.code2].push_back(int(regions_->entries.size()));
      regions_->entries.push_back(e);
      regions_->fields.push_back({name, r->name, {}});
    }
    const int topN = settings_.citiesPerCountry > 0 ? settings_.citiesPerCountry : -1;
    for (const auto *city : gaz_->citiesOf(c.code2, topN)) {
      PlaceProbability e{QString::number(city->geonameId),
                         city->name,
                         c.code2,
                         city->regionCode,
                         city->location,
                         city->population,
                         0.0};
      const auto *region = gaz_->region(city->regionCode);
      cities_->byCountry[c.code2].push_back(int(cities_->entries.size()));
      cities_->entries.push_back(e);
      cities_->fields.push_back({name, region ? region->name : QString(), city->name});
    }
  }

  if (!settings_.customCandidates.isEmpty()) {
    custom_ = std::make_unique<Level>();
    for (const CustomCandidate &c : settings_.customCandidates) {
      PlaceProbability p;
      p.code = c.label;
      p.name = c.label;
      p.country = c.country;
      p.region = c.region;
      if (c.lat && c.lon)
        p.location = geo::GeoPoint{*c.lat, *c.lon};
      else if (const auto *country = gaz_->country(c.country))
        p.location = country->representativePoint;
      custom_->entries.push_back(p);
      custom_->fields.push_back({countryName.value(c.country), c.region, c.label});
    }
    const QString templ =
        settings_.customTemplate.isEmpty() ? QStringLiteral("{}") : settings_.customTemplate;
    return embedLevel(*custom_, {templ}, progress, error);
  }
  if (settings_.countryTemplates.isEmpty() || settings_.cityTemplates.isEmpty() ||
      settings_.regionTemplates.isEmpty()) {
    *error = QStringLiteral("every level needs at least one prompt template");
    return false;
  }
  return embedLevel(*countries_, settings_.countryTemplates, progress, error) &&
         embedLevel(*regions_, settings_.regionTemplates, progress, error) &&
         embedLevel(*cities_, settings_.cityTemplates, progress, error);
}

// The query: the image embedding, L2-normalised.
std::vector<float> GeoAnalyzer::query(const float *imageEmbedding) const {
  const int dim = engine_.info().embedDim > 0 ? engine_.info().embedDim : countries_->emb.cols;
  std::vector<float> x(imageEmbedding, imageEmbedding + dim);
  double ss = 0;
  for (float v : x)
    ss += double(v) * v;
  const double norm = std::sqrt(ss);
  if (norm > 0)
    for (float &v : x)
      v = float(v / norm);
  return x;
}

bool GeoAnalyzer::prepare(const Progress &progress, QString *error) {
  return prepareLevels(progress, error) &&
         tasks_->prepare(engine_, *cache_, settings_.tasks, progress, error) &&
         clues_->prepare(engine_, *cache_, settings_.clues, progress, error);
}

void GeoAnalyzer::score(const float *imageEmbedding, ImageResult &out) const {
  scoreLocation(imageEmbedding, out);
  const int dim = engine_.info().embedDim > 0 ? engine_.info().embedDim : countries_->emb.cols;
  out.tasks = tasks_->score(imageEmbedding, dim);
  out.clues = clues_->score(imageEmbedding, dim);
}

void GeoAnalyzer::scoreLocation(const float *imageEmbedding, ImageResult &out) const {
  const std::vector<float> x = query(imageEmbedding);
  out.countries.clear();
  out.regions.clear();
  out.cities.clear();
  out.labels.clear();
  if (custom_)
    return scoreCustom(x, out);
  switch (settings_.mode) {
  case AnalysisSettings::Mode::Flat:
    return scoreFlat(x, out);
  case AnalysisSettings::Mode::Hierarchical:
    return scoreHierarchical(x, out);
  case AnalysisSettings::Mode::Expected:
    return scoreExpected(x, out);
  case AnalysisSettings::Mode::Paper:
    return scorePaper(x, out);
  }
}

// Custom candidate list: one softmax over the labels; countries are the sums of their labels.
void GeoAnalyzer::scoreCustom(const std::vector<float> &x, ImageResult &out) const {
  const float scale = engine_.logitScale();
  const size_t keep = size_t(std::max(settings_.topK, kKeepPerLevel));
  const auto p = softmaxOver(custom_->emb, custom_->all(), x, scale);
  QHash<QString, double> byCountry;
  for (size_t i = 0; i < p.size(); ++i) {
    PlaceProbability e = custom_->entries[i];
    e.probability = p[i];
    out.labels.push_back(e);
    if (!e.country.isEmpty())
      byCountry[e.country] += p[i];
  }
  for (auto it = byCountry.begin(); it != byCountry.end(); ++it)
    if (const auto *c = gaz_->country(it.key()))
      out.countries.push_back({c->code2,
                               gazetteer::commonEnglishName(c->code2, c->name()),
                               c->code2,
                               {},
                               c->representativePoint,
                               c->population,
                               it.value()});
  sortAndCut(out.labels, keep);
  sortAndCut(out.countries, keep);
  const auto best = std::find_if(out.labels.begin(), out.labels.end(),
                                 [](const PlaceProbability &e) { return e.location.has_value(); });
  if (!out.labels.empty() && best != out.labels.end() && best == out.labels.begin()) {
    out.estimate = best->location;
    out.estimateLabel = best->name;
  }
  out.confidenceRegions = confidenceRegions(out, gaz_.get());
  const ConfidenceRegion *r90 = regionAtLevel(out, 0.9);
  out.uncertain = uncertainAreaKm2_ > 0 && r90 && r90->areaKm2 > uncertainAreaKm2_;
}

// The leaves' options: the mode's estimate rule, the analyst's constraint and threshold.
PosteriorOptions GeoAnalyzer::posteriorOptionsFor(const AnalysisSettings &settings) {
  PosteriorOptions o;
  switch (settings.mode) {
  case AnalysisSettings::Mode::Hierarchical:
    o.rule = EstimateRule::Descent;
    break;
  case AnalysisSettings::Mode::Flat:
    o.rule = EstimateRule::TopCity;
    break;
  case AnalysisSettings::Mode::Expected:
    o.rule = EstimateRule::Expected;
    break;
  case AnalysisSettings::Mode::Paper:
    o.rule = EstimateRule::TopCountryCity;
    break;
  }
  o.keepPerLevel = size_t(std::max(settings.topK, kKeepPerLevel));
  return o;
}

// The leaves' options: the mode's estimate rule, the analyst's constraint and threshold.
PosteriorOptions GeoAnalyzer::posteriorOptions() const {
  PosteriorOptions o = posteriorOptionsFor(settings_);
  o.constraint = constraint_;
  o.uncertainAreaKm2 = uncertainAreaKm2_;
  return o;
}

// Logits scale * <x, row> of the given rows.
std::vector<double> GeoAnalyzer::logits(const Level &level, const std::vector<int> &rows,
                                        const std::vector<float> &x) const {
  const float scale = engine_.logitScale();
  std::vector<double> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const float *r = level.emb.row(rows[i]);
    double dot = 0;
    for (int k = 0; k < level.emb.cols; ++k)
      dot += double(r[k]) * x[size_t(k)];
    out[i] = dot * scale;
  }
  return out;
}

// Flat: all cities at once; regions and countries are the sums of their cities.
void GeoAnalyzer::scoreFlat(const std::vector<float> &x, ImageResult &out) const {
  const auto pCity = softmaxOver(cities_->emb, cities_->all(), x, engine_.logitScale());
  std::vector<PlaceLeaf> leaves;
  for (size_t i = 0; i < pCity.size(); ++i)
    leaves.push_back({PlaceLeaf::Kind::City, cities_->entries[i], pCity[i]});
  for (const auto &r : regions_->entries)
    leaves.push_back({PlaceLeaf::Kind::Region, r, 0.0});
  finishPosterior(std::move(leaves), gaz_.get(), posteriorOptions(), out);
}

// Coherent hierarchy: p(country) over all countries; within each country one softmax over its
// regions and its listed cities together (both are CLIP captions of the same photo, scored with
// the same logit scale), so a region holds its own share plus its cities' and every level sums to
// its parent. Countries without regions or cities keep their mass as a whole.
std::vector<PlaceLeaf> GeoAnalyzer::coherentLeaves(const std::vector<float> &x) const {
  const auto pCountry = softmaxOver(countries_->emb, countries_->all(), x, engine_.logitScale());
  std::vector<PlaceLeaf> leaves;
  for (size_t i = 0; i < pCountry.size(); ++i) {
    const PlaceProbability &country = countries_->entries[i];
    const auto regionRows = regions_->byCountry.value(country.code);
    const auto cityRows = cities_->byCountry.value(country.code);
    leaves.push_back(
        {PlaceLeaf::Kind::Country, country, regionRows.empty() && cityRows.empty() ? pCountry[i] : 0.0});
    if (regionRows.empty() && cityRows.empty())
      continue;
    std::vector<double> l = logits(*regions_, regionRows, x);
    const std::vector<double> lc = logits(*cities_, cityRows, x);
    l.insert(l.end(), lc.begin(), lc.end());
    const double mx = *std::max_element(l.begin(), l.end());
    double sum = 0;
    for (double &v : l)
      sum += (v = std::exp(v - mx));
    for (size_t j = 0; j < regionRows.size(); ++j)
      leaves.push_back(
          {PlaceLeaf::Kind::Region, regions_->entries[size_t(regionRows[j])], pCountry[i] * l[j] / sum});
    for (size_t j = 0; j < cityRows.size(); ++j)
      leaves.push_back({PlaceLeaf::Kind::City, cities_->entries[size_t(cityRows[j])],
                        pCountry[i] * l[regionRows.size() + j] / sum});
  }
  return leaves;
}

void GeoAnalyzer::scoreHierarchical(const std::vector<float> &x, ImageResult &out) const {
  finishPosterior(coherentLeaves(x), gaz_.get(), posteriorOptions(), out);
}

// Expected location: the coherent hierarchy, then the probability-weighted spherical mean of every
// scored city, labelled by the distance to the nearest gazetteer city.
void GeoAnalyzer::scoreExpected(const std::vector<float> &x, ImageResult &out) const {
  finishPosterior(coherentLeaves(x), gaz_.get(), posteriorOptions(), out);
}

// The paper: p(country) over all countries; the countries covering countryMass (at most
// maxCountries) are expanded to their N largest cities, p(city) = p(country) * p(city | country);
// regions are the sums of their cities; the estimate is the top country's top city.
void GeoAnalyzer::scorePaper(const std::vector<float> &x, ImageResult &out) const {
  const float scale = engine_.logitScale();
  const auto pCountry = softmaxOver(countries_->emb, countries_->all(), x, scale);
  std::vector<int> order(pCountry.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return pCountry[size_t(a)] > pCountry[size_t(b)]; });
  std::vector<char> expanded(pCountry.size(), 0);
  double covered = 0;
  int count = 0;
  for (int idx : order) {
    if (count >= std::max(1, settings_.maxCountries) || covered >= settings_.countryMass)
      break;
    expanded[size_t(idx)] = 1;
    covered += pCountry[size_t(idx)];
    ++count;
  }
  std::vector<PlaceLeaf> leaves;
  for (size_t i = 0; i < pCountry.size(); ++i) {
    const PlaceProbability &country = countries_->entries[i];
    const auto rows = cities_->byCountry.value(country.code);
    const bool expand = expanded[i] && !rows.empty();
    leaves.push_back({PlaceLeaf::Kind::Country, country, expand ? 0.0 : pCountry[i]});
    if (!expand)
      continue;
    for (int r : regions_->byCountry.value(country.code))
      leaves.push_back({PlaceLeaf::Kind::Region, regions_->entries[size_t(r)], 0.0});
    const auto cond = softmaxOver(cities_->emb, rows, x, scale);
    for (size_t j = 0; j < rows.size(); ++j)
      leaves.push_back({PlaceLeaf::Kind::City, cities_->entries[size_t(rows[j])], pCountry[i] * cond[j]});
  }
  finishPosterior(std::move(leaves), gaz_.get(), posteriorOptions(), out);
}

void GeoAnalyzer::fillExif(const ExifInfo &exif, ImageResult &out) const {
  if (!exif.gps)
    return;
  out.exifLocation = geo::GeoPoint{exif.gps->lat, exif.gps->lon};
  out.exifAltitude = exif.gps->altitude;
  out.exifTime = exif.gps->time;
  if (const auto *c = gaz_->countryAt(*out.exifLocation))
    out.exifCountry = c->code2;
  if (out.estimate)
    out.errorKm = geo::haversineKm(*out.estimate, *out.exifLocation);
}

std::vector<ImageResult> GeoAnalyzer::analyzeLoaded(const std::vector<LoadedImage> &images,
                                                    const QStringList &paths) {
  std::vector<ImageResult> results(images.size());
  if (images.empty())
    return results;
  const ClipImageConfig &cfg = engine_.imageConfig();
  std::vector<float> pixels;
  for (size_t i = 0; i < images.size(); ++i) {
    const auto px = clipPreprocess(images[i].image, cfg);
    pixels.insert(pixels.end(), px.begin(), px.end());
  }
  QString err;
  const EmbeddingMatrix emb = engine_.embedPixels(pixels.data(), int(images.size()), &err);
  for (size_t i = 0; i < images.size(); ++i) {
    ImageResult &r = results[i];
    r.path = paths.value(qsizetype(i));
    r.sha256 = QString::fromLatin1(images[i].sha256Hex);
    r.width = images[i].image.width;
    r.height = images[i].image.height;
    r.analyzedAt = QDateTime::currentDateTimeUtc();
    r.settingsKey = settingsKey();
    if (emb.rows != int(images.size())) {
      r.status = ImageStatus::Failed;
      r.error = QStringLiteral("%1: %2").arg(r.path, err);
      continue;
    }
    score(emb.row(int(i)), r);
    fillExif(images[i].exif, r);
    r.status = ImageStatus::Done;
  }
  return results;
}

ImageResult GeoAnalyzer::analyzeFile(const QString &path, const ImageLimits &limits) {
  QString err;
  const auto img = loadImage(path, limits, &err);
  if (!img) {
    ImageResult r;
    r.path = path;
    r.status = ImageStatus::Failed;
    r.error = err;
    r.analyzedAt = QDateTime::currentDateTimeUtc();
    return r;
  }
  return analyzeLoaded({*img}, {path}).front();
}

QString imageStatusName(ImageStatus s) {
  switch (s) {
  case ImageStatus::Queued:
    return QStringLiteral("queued");
  case ImageStatus::Running:
    return QStringLiteral("running");
  case ImageStatus::Done:
    return QStringLiteral("ok");
  case ImageStatus::Failed:
    return QStringLiteral("error");
  }
  return {};
}

} // namespace streetlens
