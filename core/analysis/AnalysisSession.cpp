#include "core/analysis/AnalysisSession.h"

#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/GeoAnalyzer.h"
#include "core/imageio/ClipImageProcessor.h"
#include "core/imageio/ImageLoader.h"
#include "core/imageio/Thumbnail.h"
#include "core/model/ModelHash.h"
#include "core/store/ProjectStore.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <optional>

namespace streetlens {

struct AnalysisSession::Decoded {
  AnalysisInput input;
  QString error; // set when the file is not a usable image (or changed since it was listed)
  QString sha256;
  int width = 0, height = 0;
  qint64 fileSize = 0;
  ExifInfo exif;
  QImage thumbnail, preview;
  std::vector<float> pixels; // the engine's input (CHW float32), when an analyzer is set
};

namespace {

// Runs on a pool thread: one decode gives the hash, EXIF, thumbnail, preview and input pixels.
AnalysisSession::Decoded decodeOne(const AnalysisInput &in, std::optional<ClipImageConfig> cfg, bool images) {
  AnalysisSession::Decoded d;
  d.input = in;
  d.fileSize = QFileInfo(in.path).size();
  QString err;
  auto img = loadImage(in.path, ImageLimits{}, &err);
  if (!img) {
    d.error = err;
    // Still identified (by what the caller listed, else by the bytes), so the failure is stored once.
    d.sha256 = in.expectedSha256.isEmpty() ? sha256OfFile(in.path) : in.expectedSha256;
    return d;
  }
  d.sha256 = QString::fromLatin1(img->sha256Hex);
  if (!in.expectedSha256.isEmpty() && d.sha256 != in.expectedSha256) {
    d.error = QStringLiteral("%1: the file changed since it was added; add it again.").arg(in.path);
    d.sha256 = in.expectedSha256;
    return d;
  }
  d.width = img->image.width;
  d.height = img->image.height;
  d.exif = img->exif;
  if (images) {
    d.thumbnail = makeThumbnail(img->image, AnalysisSession::kThumbnailSide);
    d.preview = makeThumbnail(img->image, AnalysisSession::kPreviewSide);
  }
  if (cfg)
    d.pixels = clipPreprocess(img->image, *cfg);
  return d;
}

std::shared_ptr<AnalysisItem> itemFrom(AnalysisSession::Decoded &d) {
  auto item = std::make_shared<AnalysisItem>();
  item->id = d.input.id;
  item->fileSize = d.fileSize;
  item->exif = d.exif;
  item->thumbnail = std::move(d.thumbnail);
  item->preview = std::move(d.preview);
  ImageResult &r = item->result;
  r.path = d.input.path;
  r.sha256 = d.sha256;
  r.width = d.width;
  r.height = d.height;
  if (!d.error.isEmpty()) {
    r.status = ImageStatus::Failed;
    r.error = d.error;
    r.analyzedAt = QDateTime::currentDateTimeUtc();
  }
  return item;
}

store::NewImage newImageFrom(const AnalysisItem &item) {
  store::NewImage ni;
  ni.path = item.result.path;
  ni.sha256 = item.result.sha256;
  ni.size = item.fileSize;
  ni.width = item.result.width;
  ni.height = item.result.height;
  if (item.exif.gps) {
    ni.exifLocation = geo::GeoPoint{item.exif.gps->lat, item.exif.gps->lon};
    ni.exifAltitude = item.exif.gps->altitude;
    ni.exifTime = item.exif.gps->time;
  }
  ni.thumbnail = item.thumbnail;
  return ni;
}

} // namespace

AnalysisSession::AnalysisSession(Callbacks callbacks) : m_cb(std::move(callbacks)) {}

AnalysisSession::~AnalysisSession() {
  if (m_ahead)
    m_ahead->waitForFinished(); // the pool task reads nothing of ours, but finish before going
}

void AnalysisSession::setAnalyzer(EmbeddingEngine *engine, GeoAnalyzer *analyzer, int batchSize) {
  if (m_ahead) { // decoded for the previous engine (its input size may differ)
    m_ahead->waitForFinished();
    m_ahead.reset();
    m_aheadBatch.clear();
  }
  m_engine = engine && analyzer ? engine : nullptr;
  m_analyzer = m_engine ? analyzer : nullptr;
  m_batchSize = batchSize;
  recordProjectMeta();
}

void AnalysisSession::setProject(std::unique_ptr<store::ProjectStore> project) {
  m_project = std::move(project);
  recordProjectMeta();
}

void AnalysisSession::recordProjectMeta() {
  if (!m_project || !m_analyzer)
    return;
  const EngineInfo info = m_engine->info();
  QString err;
  if (!m_project->setModelRecord({info.modelName, info.modelHash, info.precision, info.device}, &err) ||
      !m_project->setAnalysisSettings(m_analyzer->settings(), &err))
    if (m_cb.notice)
      m_cb.notice(QStringLiteral("%1: cannot record the model and settings: %2").arg(m_project->path(), err));
}

int AnalysisSession::batchSize() const {
  if (m_batchSize > 0)
    return m_batchSize;
  return std::max(1, m_engine ? m_engine->imageBatchSize() : 8);
}

void AnalysisSession::enqueue(AnalysisInput input) {
  if (!m_shard.contains(input.shardKey.isEmpty() ? shardKeyOf(input.path, {}) : input.shardKey)) {
    ++m_outOfShard;
    return;
  }
  if (m_queue.empty() && !m_ahead) { // a new batch of work: progress and ETA start again
    m_done = 0;
    m_total = 0;
    m_clock.start();
  }
  m_cancel = false;
  m_queue.push_back({std::move(input), false});
  ++m_total;
}

std::vector<AnalysisInput> AnalysisSession::takePending() {
  std::vector<AnalysisInput> out;
  for (Entry &e : m_queue)
    out.push_back(std::move(e.input));
  m_total -= int(m_queue.size());
  m_queue.clear();
  return out;
}

void AnalysisSession::dropSkipped() {
  if (!m_skip)
    return;
  for (auto it = m_queue.begin(); it != m_queue.end();) {
    if (!m_skip(it->input)) {
      ++it;
      continue;
    }
    const AnalysisInput in = std::move(it->input);
    it = m_queue.erase(it);
    --m_total;
    if (m_cb.skipped)
      m_cb.skipped(in);
  }
}

bool AnalysisSession::removeImage(const QString &sha256, QString *error) {
  return !m_project || m_project->remove(sha256, error);
}

bool AnalysisSession::hasWork() const {
  if (m_analyzer)
    return !m_queue.empty();
  return std::any_of(m_queue.begin(), m_queue.end(), [](const Entry &e) { return !e.ingested; });
}

std::vector<AnalysisSession::Entry> AnalysisSession::takeBatch() {
  std::vector<Entry> batch;
  const size_t n = size_t(batchSize());
  for (auto it = m_queue.begin(); it != m_queue.end() && batch.size() < n;) {
    if (!m_analyzer && it->ingested) { // waits for an engine
      ++it;
      continue;
    }
    Entry e = std::move(*it);
    it = m_queue.erase(it);
    if (m_skip && m_skip(e.input)) {
      --m_total;
      if (m_cb.skipped)
        m_cb.skipped(e.input);
      continue;
    }
    batch.push_back(std::move(e));
  }
  return batch;
}

QFuture<std::vector<AnalysisSession::Decoded>>
AnalysisSession::startDecode(const std::vector<Entry> &batch) const {
  std::vector<AnalysisInput> inputs;
  for (const Entry &e : batch)
    inputs.push_back(e.input);
  std::optional<ClipImageConfig> cfg;
  if (m_engine)
    cfg = m_engine->imageConfig();
  const bool images = m_makeImages;
  return QtConcurrent::run([inputs = std::move(inputs), cfg, images] {
    std::vector<Decoded> out;
    out.reserve(inputs.size());
    for (const AnalysisInput &in : inputs)
      out.push_back(decodeOne(in, cfg, images));
    return out;
  });
}

bool AnalysisSession::runBatch() {
  if (m_cancel)
    return false;
  std::vector<Entry> batch = takeBatch();
  if (batch.empty()) {
    if (m_ahead) { // everything decoded ahead was taken away (cancel)
      m_ahead->waitForFinished();
      m_ahead.reset();
      m_aheadBatch.clear();
    }
    return false;
  }
  // The batch decoded ahead is used when it is this batch (nothing was cancelled or reordered).
  std::vector<Decoded> decoded;
  const auto same = [](const std::vector<Entry> &a, const std::vector<Entry> &b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const Entry &x, const Entry &y) {
             return x.input.id == y.input.id && x.input.path == y.input.path;
           });
  };
  if (m_ahead && same(m_aheadBatch, batch)) {
    decoded = m_ahead->result();
  } else {
    if (m_ahead)
      m_ahead->waitForFinished(); // stale: its images are decoded again when their turn comes
    decoded = startDecode(batch).result();
  }
  m_ahead.reset();
  m_aheadBatch.clear();
  // Decode the next batch on the pool while this one is embedded.
  if (m_analyzer && !m_queue.empty()) {
    const size_t n = std::min(m_queue.size(), size_t(batchSize()));
    for (size_t i = 0; i < n; ++i)
      m_aheadBatch.push_back(m_queue[i]);
    m_ahead = std::make_unique<QFuture<std::vector<Decoded>>>(startDecode(m_aheadBatch));
  }
  if (m_analyzer) {
    analyse(decoded);
  } else {
    ingestOnly(decoded);
    // Back in front of the queue, in order, waiting for an engine (failures are final already).
    for (auto it = decoded.rbegin(); it != decoded.rend(); ++it)
      if (it->error.isEmpty())
        m_queue.push_front({it->input, true});
  }
  if (m_engine && m_cb.notice)
    for (const QString &n : m_engine->takeNotices())
      m_cb.notice(n);
  reportProgress();
  return true;
}

void AnalysisSession::runAll() {
  while (!m_cancel && runBatch()) {
  }
}

bool AnalysisSession::save(ImageResult &r, const QImage &thumbnail) {
  if (!m_project || r.sha256.isEmpty())
    return true;
  QString err;
  // A new image's row (with the thumbnail the app lists) and its result: one transaction.
  if (m_project->saveResult(r, thumbnail, &err))
    return true;
  r.status = ImageStatus::Failed;
  r.error = QStringLiteral("%1: the result could not be saved: %2").arg(r.path, err);
  if (m_cb.notice)
    m_cb.notice(r.error);
  return false;
}

void AnalysisSession::ingestOnly(std::vector<Decoded> &decoded) {
  for (Decoded &d : decoded) {
    std::shared_ptr<AnalysisItem> item = itemFrom(d);
    if (item->result.status == ImageStatus::Failed) { // final without an engine
      save(item->result);
      ++m_done;
      if (m_cb.finished)
        m_cb.finished(std::move(item));
      continue;
    }
    QString err;
    if (m_project && !m_project->addImage(newImageFrom(*item), &err) && m_cb.notice)
      m_cb.notice(err);
    if (m_cb.ingested)
      m_cb.ingested(item);
  }
}

void AnalysisSession::analyse(std::vector<Decoded> &decoded) {
  const QString key = m_analyzer->settingsKey();
  const EngineInfo engineInfo = m_engine->info(); // once per batch, not per image
  const QString &modelHash = engineInfo.modelHash;
  std::vector<std::shared_ptr<AnalysisItem>> items;
  std::vector<std::vector<float>> computed(decoded.size()); // embeddings of this batch, kept after the result
  std::vector<size_t> toEmbed;                              // indexes into decoded / items
  for (size_t i = 0; i < decoded.size(); ++i) {
    Decoded &d = decoded[i];
    std::shared_ptr<AnalysisItem> item = itemFrom(d);
    items.push_back(item);
    if (item->result.status == ImageStatus::Failed) {
      item->result.settingsKey = key;
      continue;
    }
    if (m_project) { // resume: a stored result for the same model and settings is final
      const auto stored = m_project->image(d.sha256);
      if (stored && stored->status == ImageStatus::Done && stored->result &&
          stored->result->settingsKey == key) {
        item->result = *stored->result;
        item->result.path = d.input.path;
        item->resumed = true;
        continue;
      }
    }
    item->result.status = ImageStatus::Running;
    if (m_cb.ingested) // a snapshot: `item` is filled in below while the receiver may read this one
      m_cb.ingested(std::make_shared<const AnalysisItem>(*item));
    // Kept from an earlier run with this model (other settings or tasks): scored without the tower.
    if (m_project && !modelHash.isEmpty()) {
      if (auto kept = m_project->imageEmbedding(d.sha256, modelHash);
          kept && int(kept->size()) == engineInfo.embedDim) {
        ImageResult &r = item->result;
        r.analyzedAt = QDateTime::currentDateTimeUtc();
        r.settingsKey = key;
        m_analyzer->score(kept->data(), r);
        m_analyzer->fillExif(d.exif, r);
        r.status = ImageStatus::Done;
        continue;
      }
    }
    toEmbed.push_back(i);
  }
  if (!toEmbed.empty()) {
    for (size_t i : toEmbed)
      if (m_cb.started)
        m_cb.started(decoded[i].input);
    std::vector<float> pixels;
    pixels.reserve(decoded[toEmbed.front()].pixels.size() * toEmbed.size());
    for (size_t i : toEmbed) {
      pixels.insert(pixels.end(), decoded[i].pixels.begin(), decoded[i].pixels.end());
      decoded[i].pixels = {};
    }
    QString err;
    const EmbeddingMatrix emb = m_engine->embedPixels(pixels.data(), int(toEmbed.size()), &err);
    for (size_t k = 0; k < toEmbed.size(); ++k) {
      const size_t i = toEmbed[k];
      ImageResult &r = items[i]->result;
      r.analyzedAt = QDateTime::currentDateTimeUtc();
      r.settingsKey = key;
      if (emb.rows != int(toEmbed.size())) {
        r.status = ImageStatus::Failed;
        r.error = QStringLiteral("%1: %2").arg(r.path, err);
        continue;
      }
      m_analyzer->score(emb.row(int(k)), r);
      computed[i].assign(emb.row(int(k)), emb.row(int(k)) + emb.cols);
      m_analyzer->fillExif(decoded[i].exif, r);
      r.status = ImageStatus::Done;
    }
  }
  // Committed, then reported, in input order; the image's embedding after its row exists.
  for (size_t i = 0; i < items.size(); ++i) {
    std::shared_ptr<AnalysisItem> &item = items[i];
    if (!item->resumed && save(item->result, item->thumbnail) && m_project && !modelHash.isEmpty() &&
        !computed[i].empty()) {
      QString err;
      if (!m_project->setImageEmbedding(item->result.sha256, modelHash, computed[i].data(),
                                        int(computed[i].size()), &err) &&
          m_cb.notice)
        m_cb.notice(err);
    }
    ++m_done;
    if (m_cb.finished)
      m_cb.finished(std::move(item));
  }
}

void AnalysisSession::reportProgress() {
  if (!m_cb.progress)
    return;
  int eta = -1;
  if (m_done > 0 && m_clock.isValid())
    eta = int(double(m_clock.elapsed()) / 1000.0 / m_done * std::max(0, m_total - m_done) + 0.5);
  m_cb.progress(m_done, m_total, eta);
}

} // namespace streetlens
