#pragma once
// Byte-level BPE model of CLIP (vocab + ranked merges + the GPT-2 byte-to-unicode table).
// Owns an immutable symbol table built once at construction; encodeWord() is const and keeps no
// state, so one instance may be used from any number of threads at the same time.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace streetlens::text {

// Code point that the CLIP/GPT-2 byte-to-unicode table assigns to byte b (spec §7.5).
char32_t clipByteToCodePoint(uint8_t b);

class ClipBpe {
public:
  using Vocab = std::unordered_map<std::string, int64_t>;
  using MergeList = std::vector<std::pair<std::string, std::string>>;

  // vocab: UTF-8 token string -> id; merges in rank order (index = rank); unkId is used for a
  // symbol that is not in the vocab (cannot happen with CLIP's own files).
  ClipBpe(const Vocab &vocab, const MergeList &merges, int64_t unkId);

  // Appends the vocab ids of one pre-tokenised piece (raw UTF-8 bytes, not yet byte-mapped).
  // The last byte carries the "</w>" end-of-word marker. An empty piece appends nothing.
  void encodeWord(std::string_view utf8Piece, std::vector<int64_t> &out) const;

  int mergeCount() const { return static_cast<int>(m_merges.size()); }

private:
  struct Merge {
    int32_t rank;
    int32_t result;
  };
  int32_t intern(const std::string &symbol, const Vocab &vocab, int64_t unkId);
  static uint64_t pairKey(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
  }

  std::unordered_map<std::string, int32_t> m_symbolIds; // only used while building
  std::vector<int64_t> m_symbolToken;                   // symbol id -> vocab id
  std::array<int32_t, 256> m_byteSymbol{};              // byte -> symbol "c"
  std::array<int32_t, 256> m_byteEndSymbol{};           // byte -> symbol "c</w>"
  std::unordered_map<uint64_t, Merge> m_merges;         // (left, right) symbol ids -> merge
};

} // namespace streetlens::text
