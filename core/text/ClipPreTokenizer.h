#pragma once
// Text normalisation and pre-tokenisation of CLIPTokenizerFast (spec §7.2-7.4): NFC, whitespace
// runs to one space, Unicode lowercase, literal special tokens split out, then CLIP's regex
// ('s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+) applied leftmost-first.
// Free functions are pure; a ClipPreTokenizer walks one string and is used by one thread.
#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace streetlens::text {

// Unicode White_Space property (what \s matches in the reference regex engines).
bool isClipWhiteSpace(char32_t cp);

// Appends the UTF-8 encoding of cp; surrogates and values above U+10FFFF become U+FFFD.
void appendUtf8(char32_t cp, std::string &out);

// NFC -> every whitespace run replaced by one U+0020 -> full Unicode lowercase (per code point,
// no context-dependent final sigma), returned as code points.
std::u32string normalizeClipText(const QString &text);

// A literal string that is emitted as one id wherever it occurs in the normalised text.
struct ClipSpecialToken {
  std::u32string text;
  int64_t id = 0;
};

// One unit produced by ClipPreTokenizer: either a special token id or a regex piece.
struct ClipPiece {
  bool isSpecial = false;
  int64_t specialId = 0; // valid when isSpecial
  std::string utf8;      // the piece's UTF-8 bytes when !isSpecial
};

// Lazily splits normalised text into pieces, left to right.
class ClipPreTokenizer {
public:
  // Both referenced objects must outlive the pre-tokenizer.
  ClipPreTokenizer(const std::u32string &normalized, const std::vector<ClipSpecialToken> &specials);

  // Fills piece with the next unit and returns true, or returns false at the end of the text.
  bool next(ClipPiece &piece);

private:
  void findNextSpecial();

  const std::u32string &m_text;
  const std::vector<ClipSpecialToken> &m_specials;
  size_t m_pos = 0;
  size_t m_segmentEnd = 0;                     // start of the next special token occurrence, or text end
  const ClipSpecialToken *m_special = nullptr; // the token at m_segmentEnd, if any
  bool m_segmentKnown = false;
};

} // namespace streetlens::text
