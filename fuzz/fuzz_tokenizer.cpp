// libFuzzer target for ClipTokenizer. Every input is encoded as UTF-8 text with the fixture's real
// vocabulary (loaded once) and the result's invariants are checked; the same bytes, split at the
// first NUL into "vocab.json" and "merges.txt", also go through fromData() to fuzz the parsers.
// Fixture: $STREETLENS_FIXTURE_DIR (the tiny-clip folder or its model/ folder), else
// /work/shared/fixtures/tiny-clip/model.
#include "core/text/ClipTokenizer.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

using streetlens::ClipTokenizer;

namespace {

QString modelDir() {
  const QByteArray env = qgetenv("STREETLENS_FIXTURE_DIR");
  if (env.isEmpty())
    return QStringLiteral("/work/shared/fixtures/tiny-clip/model");
  const QDir dir(QString::fromLocal8Bit(env));
  return QFileInfo::exists(dir.filePath("model/vocab.json")) ? dir.filePath("model") : dir.path();
}

const ClipTokenizer &fixtureTokenizer() {
  static const std::optional<ClipTokenizer> tok = [] {
    const QDir dir(modelDir());
    QString error;
    auto t = ClipTokenizer::load(dir.filePath("vocab.json"), dir.filePath("merges.txt"), &error);
    if (!t) {
      // Without a vocabulary the target would test nothing: stop loudly instead.
      std::fprintf(stderr, "fuzz_tokenizer: cannot load the fixture tokenizer: %s\n", qPrintable(error));
      std::abort();
    }
    return t;
  }();
  return *tok;
}

void check(bool condition, const char *what) {
  if (!condition) {
    std::fprintf(stderr, "fuzz_tokenizer: invariant violated: %s\n", what);
    std::abort();
  }
}

void checkEncoding(const ClipTokenizer &tok, const QString &text, int maxLength) {
  const std::vector<int64_t> ids = tok.encode(text, maxLength);
  check(ids.size() >= 2, "at least bos and eos");
  check(ids.size() <= static_cast<size_t>(std::max(maxLength, 2)), "length within maxLength");
  check(ids.front() == tok.bosId(), "starts with bos");
  check(ids.back() == tok.eosId(), "ends with eos");
  for (const int64_t id : ids)
    check(id >= 0, "non-negative ids");
}

} // namespace

// Loads the vocabulary before the first input: otherwise that one-time load (tens of thousands
// of entries, instrumented) counts against the first input's -timeout and can fire on a busy machine.
extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  (void)fixtureTokenizer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const QByteArray bytes =
      QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
  const ClipTokenizer &tok = fixtureTokenizer();
  const QString text = QString::fromUtf8(bytes);
  checkEncoding(tok, text, 77);
  for (const int64_t id : tok.encode(text, 1 << 20))
    check(id < tok.vocabSize(), "fixture ids inside the vocabulary");
  // The first byte also picks a small maxLength to exercise truncation edges.
  if (size > 0)
    checkEncoding(tok, text, data[0] % 8);

  // Parser fuzzing: bytes before the first NUL are vocab.json, the rest merges.txt.
  const qsizetype nul = bytes.indexOf('\0');
  if (nul >= 0) {
    QString error;
    const auto custom = ClipTokenizer::fromData(bytes.left(nul), bytes.mid(nul + 1), &error);
    if (custom)
      checkEncoding(*custom, QStringLiteral("a street view photo of 2024's <|endoftext|> town"), 77);
    else
      check(!error.isEmpty(), "a rejected input has an error message");
  }
  return 0;
}
