#include "core/text/ClipPreTokenizer.h"

#include <QChar>
#include <QList>

namespace streetlens::text {

bool isClipWhiteSpace(char32_t cp) {
  switch (cp) {
  case 0x0009:
  case 0x000A:
  case 0x000B:
  case 0x000C:
  case 0x000D:
  case 0x0020:
  case 0x0085:
  case 0x00A0:
  case 0x1680:
  case 0x2028:
  case 0x2029:
  case 0x202F:
  case 0x205F:
  case 0x3000:
    return true;
  default:
    return cp >= 0x2000 && cp <= 0x200A;
  }
}

void appendUtf8(char32_t cp, std::string &out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::u32string normalizeClipText(const QString &text) {
  const QString nfc = text.normalized(QString::NormalizationForm_C);
  // Every White_Space code point lies in the BMP and is not a surrogate, so the collapse can work
  // on UTF-16 units directly.
  QString collapsed;
  collapsed.reserve(nfc.size());
  bool inSpace = false;
  for (const QChar c : nfc) {
    if (isClipWhiteSpace(c.unicode())) {
      if (!inSpace)
        collapsed.append(QLatin1Char(' '));
      inSpace = true;
    } else {
      collapsed.append(c);
      inSpace = false;
    }
  }
  // QString::toLower applies the full (one-to-many) mappings, e.g. U+0130 -> "i\u0307", and no
  // final-sigma context, as Rust's char::to_lowercase used by the reference does.
  const QList<uint> ucs4 = collapsed.toLower().toUcs4();
  std::u32string out;
  out.reserve(static_cast<size_t>(ucs4.size()));
  for (const uint cp : ucs4)
    out.push_back(static_cast<char32_t>(cp));
  return out;
}

namespace {

bool isLetter(char32_t cp) {
  return cp <= 0x10FFFF && QChar::isLetter(cp);
}
bool isNumber(char32_t cp) {
  return cp <= 0x10FFFF && QChar::isNumber(cp);
}

// Length of the contraction ('s 't 're 've 'm 'll 'd) starting at pos, or 0.
size_t contractionLength(const std::u32string &t, size_t pos, size_t end) {
  if (t[pos] != U'\'' || pos + 1 >= end)
    return 0;
  const char32_t a = t[pos + 1];
  if (a == U's' || a == U't' || a == U'm' || a == U'd')
    return 2;
  if (pos + 2 >= end)
    return 0;
  const char32_t b = t[pos + 2];
  if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l'))
    return 3;
  return 0;
}

} // namespace

ClipPreTokenizer::ClipPreTokenizer(const std::u32string &normalized,
                                   const std::vector<ClipSpecialToken> &specials)
    : m_text(normalized), m_specials(specials) {}

void ClipPreTokenizer::findNextSpecial() {
  m_segmentEnd = m_text.size();
  m_special = nullptr;
  for (const ClipSpecialToken &s : m_specials) {
    if (s.text.empty())
      continue;
    const size_t at = m_text.find(s.text, m_pos);
    if (at == std::u32string::npos)
      continue;
    // Leftmost occurrence wins; at the same position the longer token wins.
    if (at < m_segmentEnd || (at == m_segmentEnd && m_special && s.text.size() > m_special->text.size())) {
      m_segmentEnd = at;
      m_special = &s;
    }
  }
  m_segmentKnown = true;
}

bool ClipPreTokenizer::next(ClipPiece &piece) {
  for (;;) {
    if (!m_segmentKnown)
      findNextSpecial();
    // Skip whitespace inside the current segment: the regex never matches it.
    while (m_pos < m_segmentEnd && isClipWhiteSpace(m_text[m_pos]))
      ++m_pos;
    if (m_pos < m_segmentEnd)
      break;
    if (!m_special)
      return false;
    piece.isSpecial = true;
    piece.specialId = m_special->id;
    piece.utf8.clear();
    m_pos = m_segmentEnd + m_special->text.size();
    m_segmentKnown = false;
    return true;
  }

  const size_t start = m_pos;
  const size_t end = m_segmentEnd;
  size_t stop = start;
  if (const size_t n = contractionLength(m_text, start, end)) {
    stop = start + n;
  } else if (isLetter(m_text[start])) {
    stop = start + 1;
    while (stop < end && isLetter(m_text[stop]))
      ++stop;
  } else if (isNumber(m_text[start])) {
    stop = start + 1;
  } else {
    stop = start + 1;
    while (stop < end && !isClipWhiteSpace(m_text[stop]) && !isLetter(m_text[stop]) &&
           !isNumber(m_text[stop]))
      ++stop;
  }
  piece.isSpecial = false;
  piece.specialId = 0;
  piece.utf8.clear();
  for (size_t i = start; i < stop; ++i)
    appendUtf8(m_text[i], piece.utf8);
  m_pos = stop;
  return true;
}

} // namespace streetlens::text
