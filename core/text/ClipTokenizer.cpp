#include "core/text/ClipTokenizer.h"

#include "core/text/ClipBpe.h"
#include "core/text/ClipPreTokenizer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace streetlens {

namespace {

const QString kBosToken = QStringLiteral("<|startoftext|>");
const QString kEosToken = QStringLiteral("<|endoftext|>");
// Words cached before the cache is dropped and refilled; bounds memory on unbounded input.
constexpr size_t kMaxCachedWords = 65536;

void setError(QString *error, const QString &message) {
  if (error)
    *error = message;
}

std::optional<text::ClipBpe::Vocab> parseVocab(const QByteArray &data, const QString &name, QString *error) {
  QJsonParseError parseError{};
  const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
  if (parseError.error != QJsonParseError::NoError) {
    setError(error, QStringLiteral("%1: invalid JSON at offset %2: %3")
                        .arg(name)
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    return std::nullopt;
  }
  if (!doc.isObject()) {
    setError(error, QStringLiteral("%1: expected a JSON object mapping tokens to ids").arg(name));
    return std::nullopt;
  }
  const QJsonObject obj = doc.object();
  text::ClipBpe::Vocab vocab;
  vocab.reserve(static_cast<size_t>(obj.size()));
  for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
    const double v = it.value().toDouble(-1.0);
    if (!it.value().isDouble() || v < 0 || v > 2147483647.0 || std::floor(v) != v) {
      setError(error, QStringLiteral("%1: token \"%2\" has no valid id (expected a non-negative integer)")
                          .arg(name, it.key().left(40)));
      return std::nullopt;
    }
    vocab.insert_or_assign(it.key().toStdString(), static_cast<int64_t>(v));
  }
  return vocab;
}

std::optional<text::ClipBpe::MergeList> parseMerges(const QByteArray &data, const QString &name,
                                                    QString *error) {
  QList<QByteArray> lines = data.split('\n');
  for (QByteArray &line : lines) {
    if (line.endsWith('\r'))
      line.chop(1);
  }
  // Trailing empty lines (a final newline) are not merges.
  while (!lines.isEmpty() && lines.constLast().isEmpty())
    lines.removeLast();
  qsizetype first = 0;
  if (!lines.isEmpty() && lines.constFirst().startsWith("#version"))
    first = 1;

  text::ClipBpe::MergeList merges;
  merges.reserve(static_cast<size_t>(std::min<qsizetype>(lines.size(), ClipTokenizer::kMaxMerges)));
  for (qsizetype i = first; i < lines.size() && merges.size() < size_t(ClipTokenizer::kMaxMerges); ++i) {
    const QByteArray &line = lines.at(i);
    const qsizetype space = line.indexOf(' ');
    const bool ok =
        space > 0 && space + 1 < line.size() && line.indexOf(' ', space + 1) < 0 && !line.contains('\t');
    if (!ok) {
      setError(error, QStringLiteral("%1: line %2: expected two symbols separated by one space, got \"%3\"")
                          .arg(name)
                          .arg(i + 1)
                          .arg(QString::fromUtf8(line.left(60))));
      return std::nullopt;
    }
    merges.emplace_back(line.left(space).toStdString(), line.mid(space + 1).toStdString());
  }
  return merges;
}

bool readFile(const QString &path, QByteArray *out, QString *error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    setError(error, QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    return false;
  }
  *out = file.readAll();
  if (file.error() != QFileDevice::NoError) {
    setError(error, QStringLiteral("%1: read error: %2").arg(path, file.errorString()));
    return false;
  }
  return true;
}

} // namespace

struct ClipTokenizer::Impl {
  Impl(const text::ClipBpe::Vocab &vocab, const text::ClipBpe::MergeList &merges, int64_t bos, int64_t eos)
      : bpe(vocab, merges, eos), bosId(bos), eosId(eos), vocabSize(static_cast<int>(vocab.size())) {
    specials.push_back({kBosToken.toStdU32String(), bos});
    specials.push_back({kEosToken.toStdU32String(), eos});
  }

  // Appends the ids of one piece, through the shared per-word cache.
  void encodePiece(const std::string &piece, std::vector<int64_t> &out) const {
    {
      std::shared_lock lock(cacheMutex);
      const auto it = cache.find(piece);
      if (it != cache.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
        return;
      }
    }
    std::vector<int64_t> ids;
    bpe.encodeWord(piece, ids);
    out.insert(out.end(), ids.begin(), ids.end());
    std::unique_lock lock(cacheMutex);
    if (cache.size() >= kMaxCachedWords)
      cache.clear();
    cache.try_emplace(piece, std::move(ids));
  }

  text::ClipBpe bpe;
  int64_t bosId;
  int64_t eosId;
  int vocabSize;
  std::vector<text::ClipSpecialToken> specials;
  mutable std::shared_mutex cacheMutex;
  mutable std::unordered_map<std::string, std::vector<int64_t>> cache;
};

ClipTokenizer::ClipTokenizer(std::shared_ptr<Impl> impl) : d(std::move(impl)) {}

std::optional<ClipTokenizer> ClipTokenizer::load(const QString &vocabJsonPath, const QString &mergesTxtPath,
                                                 QString *error) {
  QByteArray vocab;
  QByteArray merges;
  if (!readFile(vocabJsonPath, &vocab, error) || !readFile(mergesTxtPath, &merges, error))
    return std::nullopt;
  return build(vocab, vocabJsonPath, merges, mergesTxtPath, error);
}

std::optional<ClipTokenizer> ClipTokenizer::fromData(const QByteArray &vocabJson, const QByteArray &mergesTxt,
                                                     QString *error) {
  return build(vocabJson, QStringLiteral("vocab.json"), mergesTxt, QStringLiteral("merges.txt"), error);
}

std::optional<ClipTokenizer> ClipTokenizer::build(const QByteArray &vocabJson, const QString &vocabName,
                                                  const QByteArray &mergesTxt, const QString &mergesName,
                                                  QString *error) {
  const std::optional<text::ClipBpe::Vocab> vocab = parseVocab(vocabJson, vocabName, error);
  if (!vocab)
    return std::nullopt;
  const auto bos = vocab->find(kBosToken.toStdString());
  const auto eos = vocab->find(kEosToken.toStdString());
  if (bos == vocab->end() || eos == vocab->end()) {
    setError(error, QStringLiteral("%1: missing special token %2")
                        .arg(vocabName, bos == vocab->end() ? kBosToken : kEosToken));
    return std::nullopt;
  }
  const std::optional<text::ClipBpe::MergeList> merges = parseMerges(mergesTxt, mergesName, error);
  if (!merges)
    return std::nullopt;
  return ClipTokenizer(std::make_shared<Impl>(*vocab, *merges, bos->second, eos->second));
}

std::vector<int64_t> ClipTokenizer::encode(const QString &text, int maxLength) const {
  const size_t budget = static_cast<size_t>(std::max(maxLength, 2) - 2);
  std::vector<int64_t> ids;
  ids.reserve(std::min<size_t>(budget, 128) + 2);
  ids.push_back(d->bosId);

  const std::u32string normalized = text::normalizeClipText(text);
  text::ClipPreTokenizer pre(normalized, d->specials);
  text::ClipPiece piece;
  // Every piece yields at least one id, so pieces past the budget can never survive truncation.
  while (ids.size() - 1 < budget && pre.next(piece)) {
    if (piece.isSpecial)
      ids.push_back(piece.specialId);
    else
      d->encodePiece(piece.utf8, ids);
  }
  if (ids.size() - 1 > budget)
    ids.resize(budget + 1);
  ids.push_back(d->eosId);
  return ids;
}

int64_t ClipTokenizer::bosId() const {
  return d->bosId;
}
int64_t ClipTokenizer::eosId() const {
  return d->eosId;
}
int64_t ClipTokenizer::padId() const {
  return d->eosId;
}
int ClipTokenizer::vocabSize() const {
  return d->vocabSize;
}

} // namespace streetlens
