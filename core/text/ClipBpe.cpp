#include "core/text/ClipBpe.h"

#include "core/text/ClipPreTokenizer.h"

#include <limits>

namespace streetlens::text {

char32_t clipByteToCodePoint(uint8_t b) {
  // Printable Latin-1 bytes map to themselves; the other 68 bytes, in increasing order, map to
  // U+0100, U+0101, ... so that no byte becomes whitespace or a control character.
  const auto keeps = [](unsigned v) { return (v >= 33 && v <= 126) || (v >= 161 && v <= 172) || v >= 174; };
  if (keeps(b))
    return b;
  char32_t next = 256;
  for (unsigned v = 0; v < b; ++v) {
    if (!keeps(v))
      ++next;
  }
  return next;
}

ClipBpe::ClipBpe(const Vocab &vocab, const MergeList &merges, int64_t unkId) {
  static const std::string kEndOfWord = "</w>";
  for (int b = 0; b < 256; ++b) {
    std::string symbol;
    appendUtf8(clipByteToCodePoint(static_cast<uint8_t>(b)), symbol);
    m_byteSymbol[b] = intern(symbol, vocab, unkId);
    m_byteEndSymbol[b] = intern(symbol + kEndOfWord, vocab, unkId);
  }
  m_merges.reserve(merges.size());
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const auto &[left, right] = merges[rank];
    const int32_t a = intern(left, vocab, unkId);
    const int32_t b = intern(right, vocab, unkId);
    const int32_t result = intern(left + right, vocab, unkId);
    // A repeated pair takes the rank of its last occurrence, as a dict built from the file would.
    m_merges.insert_or_assign(pairKey(a, b), Merge{static_cast<int32_t>(rank), result});
  }
  m_symbolIds.clear();
  m_symbolIds.rehash(0);
}

int32_t ClipBpe::intern(const std::string &symbol, const Vocab &vocab, int64_t unkId) {
  const auto [it, inserted] = m_symbolIds.try_emplace(symbol, static_cast<int32_t>(m_symbolToken.size()));
  if (inserted) {
    const auto v = vocab.find(symbol);
    m_symbolToken.push_back(v == vocab.end() ? unkId : v->second);
  }
  return it->second;
}

void ClipBpe::encodeWord(std::string_view utf8Piece, std::vector<int64_t> &out) const {
  if (utf8Piece.empty())
    return;
  std::vector<int32_t> word;
  word.reserve(utf8Piece.size());
  for (size_t i = 0; i + 1 < utf8Piece.size(); ++i)
    word.push_back(m_byteSymbol[static_cast<uint8_t>(utf8Piece[i])]);
  word.push_back(m_byteEndSymbol[static_cast<uint8_t>(utf8Piece.back())]);

  std::vector<int32_t> merged;
  merged.reserve(word.size());
  while (word.size() > 1) {
    // The adjacent pair with the lowest rank is merged everywhere, left to right, without overlap.
    int32_t bestRank = std::numeric_limits<int32_t>::max();
    const Merge *best = nullptr;
    int32_t bestLeft = 0;
    int32_t bestRight = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      const auto it = m_merges.find(pairKey(word[i], word[i + 1]));
      if (it != m_merges.end() && it->second.rank < bestRank) {
        bestRank = it->second.rank;
        best = &it->second;
        bestLeft = word[i];
        bestRight = word[i + 1];
      }
    }
    if (!best)
      break;
    merged.clear();
    for (size_t i = 0; i < word.size();) {
      if (i + 1 < word.size() && word[i] == bestLeft && word[i + 1] == bestRight) {
        merged.push_back(best->result);
        i += 2;
      } else {
        merged.push_back(word[i]);
        ++i;
      }
    }
    word.swap(merged);
  }
  for (const int32_t symbol : word)
    out.push_back(m_symbolToken[static_cast<size_t>(symbol)]);
}

} // namespace streetlens::text
