#pragma once
// CLIP tokenizer with Hugging Face CLIPTokenizerFast semantics (spec §7): loads vocab.json and
// merges.txt, turns a prompt into [bos] + BPE ids (truncated) + [eos].
// Owns the immutable BPE tables and a mutex-guarded per-word cache shared by copies; encode() may be
// called concurrently from any number of threads.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace streetlens {

class ClipTokenizer {
public:
  // Loads vocab.json (token -> id) and merges.txt (a leading "#version" line is skipped; at most
  // 48,894 merges are read). Returns nullopt and sets *error (naming the file and the problem) on a
  // missing or corrupt file. error may be null.
  static std::optional<ClipTokenizer> load(const QString &vocabJsonPath, const QString &mergesTxtPath,
                                           QString *error);
  // Same from in-memory file contents; errors name "vocab.json" / "merges.txt".
  static std::optional<ClipTokenizer> fromData(const QByteArray &vocabJson, const QByteArray &mergesTxt,
                                               QString *error);

  // [bos] + content ids truncated to maxLength-2 + [eos]; no padding. maxLength below 2 is treated as 2.
  std::vector<int64_t> encode(const QString &text, int maxLength = 77) const;

  int64_t bosId() const; // id of <|startoftext|>
  int64_t eosId() const; // id of <|endoftext|>
  int64_t padId() const; // pad_token is <|endoftext|> for CLIP
  int vocabSize() const; // number of entries in vocab.json

  // Maximum number of merges read from merges.txt (49152 - 256 - 2).
  static constexpr int kMaxMerges = 48894;

private:
  struct Impl;
  explicit ClipTokenizer(std::shared_ptr<Impl> impl);
  static std::optional<ClipTokenizer> build(const QByteArray &vocabJson, const QString &vocabName,
                                            const QByteArray &mergesTxt, const QString &mergesName,
                                            QString *error);

  std::shared_ptr<Impl> d;
};

} // namespace streetlens
