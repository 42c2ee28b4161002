// parseSafetensorsHeader: validation of a safetensors layout in the reference reader's order.
// The JSON header is read by a small schema-directed scanner (no recursion, no generic DOM) so
// that duplicate keys, non-integer numbers and trailing bytes are detected exactly.
#include "core/weights/Safetensors.h"

#include <QSet>
#include <algorithm>
#include <limits>
#include <string>

namespace streetlens {
namespace {

constexpr uint64_t kMaxDimension = uint64_t(1) << 53; // largest integer a JSON double holds exactly
constexpr size_t kNoError = std::numeric_limits<size_t>::max();

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF), or kNoError.
size_t firstInvalidUtf8(const uint8_t *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    const uint8_t c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (n - i < len)
      return i;
    for (size_t k = 1; k < len; ++k) {
      const uint8_t d = p[i + k];
      if ((d & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return kNoError;
}

// Quotes a (possibly attacker-chosen, very long) tensor name for an error message.
QString quoted(const QString &name) {
  constexpr qsizetype kMax = 120;
  if (name.size() <= kMax)
    return QLatin1Char('\'') + name + QLatin1Char('\'');
  return QLatin1Char('\'') + name.left(kMax) + QStringLiteral("...'");
}

QString tensorPrefix(const QString &name) {
  return QStringLiteral("tensor ") + quoted(name) + QStringLiteral(": ");
}

bool checkedMul(uint64_t a, uint64_t b, uint64_t *out) {
  if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a)
    return false;
  *out = a * b;
  return true;
}

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Reads the header JSON: { "__metadata__"?: {str: str}, name: {dtype, shape, data_offsets}, ... }.
// Works on already UTF-8-validated bytes; every access is bounds-checked against n_.
class HeaderScanner {
public:
  HeaderScanner(const uint8_t *p, size_t n) : p_(p), n_(n) {}

  bool run(SafetensorsHeader &out);
  QString error() const { return error_; }

private:
  bool fail(const QString &msg) {
    if (error_.isEmpty())
      error_ = msg + QStringLiteral(" (at header byte %1)").arg(pos_);
    return false;
  }
  bool atEnd() const { return pos_ >= n_; }
  char peek() const { return atEnd() ? '\0' : char(p_[pos_]); }
  void skipWhitespace() {
    while (!atEnd() && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r'))
      ++pos_;
  }
  bool expect(char c, const QString &context) {
    skipWhitespace();
    if (peek() != c || atEnd())
      return fail(context + QStringLiteral(": expected '%1'").arg(QLatin1Char(c)) + found());
    ++pos_;
    return true;
  }
  QString found() const {
    if (atEnd())
      return QStringLiteral(" but the header ended");
    const uint8_t c = p_[pos_];
    if (c >= 0x20 && c < 0x7F)
      return QStringLiteral(" but found '%1'").arg(QLatin1Char(char(c)));
    return QStringLiteral(" but found byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
  }
  // Comma-separated list helper: after an element, consumes ',' (returns true, more follow) or
  // the closing bracket (sets *done).
  bool nextOrClose(char close, bool *done, const QString &context) {
    skipWhitespace();
    if (peek() == ',' && !atEnd()) {
      ++pos_;
      *done = false;
      return true;
    }
    if (peek() == close && !atEnd()) {
      ++pos_;
      *done = true;
      return true;
    }
    return fail(context + QStringLiteral(": expected ',' or '%1'").arg(QLatin1Char(close)) + found());
  }

  bool readString(std::string &out, const QString &context);
  bool readHex4(uint32_t *out, const QString &context);
  bool readUnsigned(uint64_t limit, uint64_t *out, const QString &context);
  bool readMetadata(SafetensorsHeader &out);
  bool readTensor(const QString &name, TensorInfo &info);

  const uint8_t *p_;
  size_t n_;
  size_t pos_ = 0;
  QString error_;
};

bool HeaderScanner::readHex4(uint32_t *out, const QString &context) {
  if (n_ - pos_ < 4)
    return fail(context + QStringLiteral(": truncated \\u escape"));
  uint32_t v = 0;
  for (int k = 0; k < 4; ++k) {
    const uint8_t c = p_[pos_ + k];
    int d = -1;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    if (d < 0)
      return fail(context + QStringLiteral(": invalid \\u escape"));
    v = (v << 4) | uint32_t(d);
  }
  pos_ += 4;
  *out = v;
  return true;
}

bool HeaderScanner::readString(std::string &out, const QString &context) {
  out.clear();
  skipWhitespace();
  if (atEnd() || peek() != '"')
    return fail(context + QStringLiteral(": expected a string") + found());
  ++pos_;
  while (true) {
    if (atEnd())
      return fail(context + QStringLiteral(": unterminated string"));
    const uint8_t c = p_[pos_];
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20)
      return fail(context +
                  QStringLiteral(": control character 0x%1 inside a string").arg(c, 2, 16, QLatin1Char('0')));
    if (c != '\\') {
      out += char(c);
      ++pos_;
      continue;
    }
    ++pos_;
    if (atEnd())
      return fail(context + QStringLiteral(": unterminated string"));
    const char e = char(p_[pos_++]);
    switch (e) {
    case '"':
      out += '"';
      break;
    case '\\':
      out += '\\';
      break;
    case '/':
      out += '/';
      break;
    case 'b':
      out += '\b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'u': {
      uint32_t cp = 0;
      if (!readHex4(&cp, context))
        return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail(context + QStringLiteral(": lone low surrogate in \\u escape"));
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo = 0;
        if (n_ - pos_ < 2 || p_[pos_] != '\\' || p_[pos_ + 1] != 'u')
          return fail(context + QStringLiteral(": lone high surrogate in \\u escape"));
        pos_ += 2;
        if (!readHex4(&lo, context))
          return false;
        if (lo < 0xDC00 || lo > 0xDFFF)
          return fail(context + QStringLiteral(": invalid surrogate pair in \\u escape"));
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      appendUtf8(out, cp);
      break;
    }
    default:
      return fail(context + QStringLiteral(": invalid escape sequence in a string"));
    }
  }
}

// A non-negative JSON integer <= limit: no sign, no fraction, no exponent, no leading zeros.
bool HeaderScanner::readUnsigned(uint64_t limit, uint64_t *out, const QString &context) {
  skipWhitespace();
  const char c = peek();
  if (!atEnd() && c == '-')
    return fail(context + QStringLiteral(" is negative"));
  if (atEnd() || c < '0' || c > '9')
    return fail(context + QStringLiteral(" is not a non-negative integer") + found());
  uint64_t v = 0;
  const size_t start = pos_;
  bool tooLarge = false;
  while (!atEnd() && p_[pos_] >= '0' && p_[pos_] <= '9') {
    const uint64_t d = p_[pos_] - '0';
    if (v > (limit - d) / 10)
      tooLarge = true;
    else
      v = v * 10 + d;
    ++pos_;
  }
  if (pos_ - start > 1 && p_[start] == '0')
    return fail(context + QStringLiteral(" has a leading zero (not valid JSON)"));
  if (!atEnd() && (p_[pos_] == '.' || p_[pos_] == 'e' || p_[pos_] == 'E'))
    return fail(context + QStringLiteral(" is not an integer"));
  if (tooLarge)
    return fail(context + QStringLiteral(" is too large (limit %1)").arg(limit));
  *out = v;
  return true;
}

bool HeaderScanner::readMetadata(SafetensorsHeader &out) {
  const QString ctx = QStringLiteral("__metadata__");
  skipWhitespace();
  if (atEnd() || peek() != '{')
    return fail(QStringLiteral("__metadata__ must be an object of strings") + found());
  ++pos_;
  skipWhitespace();
  if (peek() == '}' && !atEnd()) {
    ++pos_;
    return true;
  }
  std::string key, value;
  bool done = false;
  while (!done) {
    if (!readString(key, ctx + QStringLiteral(" key")))
      return false;
    const QString k = QString::fromUtf8(key.data(), qsizetype(key.size()));
    if (out.metadata.contains(k))
      return fail(QStringLiteral("__metadata__ has the key %1 twice").arg(quoted(k)));
    if (!expect(':', ctx))
      return false;
    skipWhitespace();
    if (atEnd() || peek() != '"')
      return fail(QStringLiteral("__metadata__ value of %1 is not a string").arg(quoted(k)));
    if (!readString(value, ctx))
      return false;
    out.metadata.insert(k, QString::fromUtf8(value.data(), qsizetype(value.size())));
    if (!nextOrClose('}', &done, ctx))
      return false;
  }
  return true;
}

bool HeaderScanner::readTensor(const QString &name, TensorInfo &info) {
  const QString pre = tensorPrefix(name);
  skipWhitespace();
  if (atEnd() || peek() != '{')
    return fail(pre + QStringLiteral("entry is not an object") + found());
  ++pos_;
  info.name = name;
  bool haveDtype = false, haveShape = false, haveOffsets = false;
  std::string key;
  skipWhitespace();
  bool done = peek() == '}' && !atEnd();
  if (done)
    ++pos_;
  while (!done) {
    if (!readString(key, pre + QStringLiteral("field name")))
      return false;
    if (!expect(':', pre + QStringLiteral("after field name")))
      return false;
    if (key == "dtype") {
      if (haveDtype)
        return fail(pre + QStringLiteral("field 'dtype' appears twice"));
      haveDtype = true;
      skipWhitespace();
      if (atEnd() || peek() != '"')
        return fail(pre + QStringLiteral("dtype is not a string"));
      std::string d;
      if (!readString(d, pre + QStringLiteral("dtype")))
        return false;
      const QString ds = QString::fromUtf8(d.data(), qsizetype(d.size()));
      const auto dt = dtypeFromString(ds);
      if (!dt)
        return fail(pre + QStringLiteral("unknown dtype %1").arg(quoted(ds)));
      info.dtype = *dt;
    } else if (key == "shape") {
      if (haveShape)
        return fail(pre + QStringLiteral("field 'shape' appears twice"));
      haveShape = true;
      skipWhitespace();
      if (atEnd() || peek() != '[')
        return fail(pre + QStringLiteral("shape is not an array") + found());
      ++pos_;
      skipWhitespace();
      bool end = peek() == ']' && !atEnd();
      if (end)
        ++pos_;
      while (!end) {
        uint64_t dim = 0;
        const QString what = pre + QStringLiteral("shape[%1]").arg(info.shape.size());
        if (!readUnsigned(kMaxDimension, &dim, what))
          return false;
        info.shape.push_back(int64_t(dim));
        if (!nextOrClose(']', &end, pre + QStringLiteral("shape")))
          return false;
      }
    } else if (key == "data_offsets") {
      if (haveOffsets)
        return fail(pre + QStringLiteral("field 'data_offsets' appears twice"));
      haveOffsets = true;
      skipWhitespace();
      if (atEnd() || peek() != '[')
        return fail(pre + QStringLiteral("data_offsets is not an array") + found());
      ++pos_;
      uint64_t v[2] = {0, 0};
      const uint64_t lim = std::numeric_limits<uint64_t>::max();
      for (int k = 0; k < 2; ++k) {
        skipWhitespace();
        if (peek() == ']' && !atEnd())
          return fail(pre + QStringLiteral("data_offsets must hold exactly 2 integers, found %1").arg(k));
        if (!readUnsigned(
                lim, &v[k],
                pre + (k == 0 ? QStringLiteral("data_offsets begin") : QStringLiteral("data_offsets end"))))
          return false;
        if (k == 0 && !expect(',', pre + QStringLiteral("data_offsets must hold exactly 2 integers")))
          return false;
      }
      skipWhitespace();
      if (peek() == ',' && !atEnd())
        return fail(pre + QStringLiteral("data_offsets must hold exactly 2 integers, found more"));
      if (!expect(']', pre + QStringLiteral("data_offsets")))
        return false;
      info.begin = v[0];
      info.end = v[1];
    } else {
      return fail(pre + QStringLiteral("unexpected field %1 (only dtype, shape and data_offsets are allowed)")
                            .arg(quoted(QString::fromUtf8(key.data(), qsizetype(key.size())))));
    }
    if (!nextOrClose('}', &done, pre.chopped(2)))
      return false;
  }
  if (!haveDtype)
    return fail(pre + QStringLiteral("missing field 'dtype'"));
  if (!haveShape)
    return fail(pre + QStringLiteral("missing field 'shape'"));
  if (!haveOffsets)
    return fail(pre + QStringLiteral("missing field 'data_offsets'"));
  return true;
}

bool HeaderScanner::run(SafetensorsHeader &out) {
  if (atEnd() || p_[0] != '{')
    return fail(QStringLiteral("header does not start with '{' (it must be a JSON object)"));
  ++pos_;
  QSet<QString> seen;
  bool haveMetadata = false;
  std::string key;
  skipWhitespace();
  bool done = peek() == '}' && !atEnd();
  if (done)
    ++pos_;
  while (!done) {
    if (!readString(key, QStringLiteral("header object key")))
      return false;
    const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
    if (!expect(':', QStringLiteral("after key %1").arg(quoted(name))))
      return false;
    if (name == QLatin1String("__metadata__")) {
      if (haveMetadata)
        return fail(QStringLiteral("duplicate key '__metadata__' in the header"));
      haveMetadata = true;
      if (!readMetadata(out))
        return false;
    } else {
      if (seen.contains(name))
        return fail(tensorPrefix(name) + QStringLiteral("duplicate key in the header"));
      seen.insert(name);
      TensorInfo info;
      if (!readTensor(name, info))
        return false;
      out.tensors.push_back(std::move(info));
    }
    if (!nextOrClose('}', &done, QStringLiteral("header object")))
      return false;
  }
  // Only space padding may follow the object (NUL or other bytes are "trailing characters").
  while (!atEnd() && p_[pos_] == ' ')
    ++pos_;
  if (!atEnd())
    return fail(
        QStringLiteral("unexpected bytes after the header's closing '}' (only space padding is allowed)") +
        found());
  return true;
}

// Steps 7-9 of the reference reader: tiling, sizes, end of file.
bool validateLayout(SafetensorsHeader &h, uint64_t dataSize, QString *error) {
  std::sort(h.tensors.begin(), h.tensors.end(), [](const TensorInfo &a, const TensorInfo &b) {
    if (a.begin != b.begin)
      return a.begin < b.begin;
    if (a.end != b.end)
      return a.end < b.end;
    return a.name < b.name;
  });
  uint64_t expected = 0;
  for (const TensorInfo &t : h.tensors) {
    const QString pre = tensorPrefix(t.name);
    if (t.end < t.begin) {
      *error = pre + QStringLiteral("data_offsets [%1, %2] end before they begin").arg(t.begin).arg(t.end);
      return false;
    }
    if (t.begin != expected) {
      *error = pre + (t.begin > expected
                          ? QStringLiteral("gap in the data buffer: data_offsets begin at %1 but the "
                                           "previous tensor ended at %2")
                          : QStringLiteral("overlaps another tensor: data_offsets begin at %1 but "
                                           "the previous tensor ended at %2"))
                         .arg(t.begin)
                         .arg(expected);
      return false;
    }
    expected = t.end;
    uint64_t elements = 1;
    for (int64_t d : t.shape) {
      if (!checkedMul(elements, uint64_t(d), &elements)) {
        *error = pre + QStringLiteral("the element count of the shape overflows 64 bits");
        return false;
      }
    }
    uint64_t bytes = 0;
    if (!checkedMul(elements, uint64_t(dtypeSize(t.dtype)), &bytes)) {
      *error = pre + QStringLiteral("the byte size of %1 elements of %2 overflows 64 bits")
                         .arg(elements)
                         .arg(dtypeName(t.dtype));
      return false;
    }
    if (t.end - t.begin != bytes) {
      *error =
          pre + QStringLiteral("shape and dtype need %1 bytes (%2 elements of %3) but data_offsets [%4, %5] "
                               "cover %6 bytes")
                    .arg(bytes)
                    .arg(elements)
                    .arg(dtypeName(t.dtype))
                    .arg(t.begin)
                    .arg(t.end)
                    .arg(t.end - t.begin);
      return false;
    }
  }
  if (expected != dataSize) {
    *error =
        expected > dataSize
            ? QStringLiteral("the file is truncated: the tensors need %1 data bytes but only %2 are present")
                  .arg(expected)
                  .arg(dataSize)
            : QStringLiteral(
                  "%1 trailing bytes after the last tensor: the tensors cover %2 data bytes but the "
                  "file holds %3")
                  .arg(dataSize - expected)
                  .arg(expected)
                  .arg(dataSize);
    return false;
  }
  return true;
}

} // namespace

std::optional<SafetensorsHeader> parseSafetensorsHeader(const uint8_t *data, size_t available,
                                                        uint64_t fileSize, QString *error) {
  QString scratch;
  QString &err = error ? *error : scratch;
  err.clear();
  if (data == nullptr)
    available = 0;
  if (fileSize < 8) {
    err = QStringLiteral("file is too small (%1 bytes) to hold the 8-byte header length").arg(fileSize);
    return std::nullopt;
  }
  if (available < 8) {
    err = QStringLiteral("only %1 bytes available, the 8-byte header length is incomplete").arg(available);
    return std::nullopt;
  }
  uint64_t n = 0;
  for (int k = 7; k >= 0; --k)
    n = (n << 8) | data[k];
  if (n > kSafetensorsMaxHeaderLength) {
    err = QStringLiteral("header length %1 exceeds the limit of %2 bytes")
              .arg(n)
              .arg(kSafetensorsMaxHeaderLength);
    return std::nullopt;
  }
  const uint64_t dataOffset = 8 + n; // cannot overflow: n <= 1e8
  if (dataOffset > fileSize) {
    err = QStringLiteral("header length %1 runs past the end of the file (%2 bytes)").arg(n).arg(fileSize);
    return std::nullopt;
  }
  if (dataOffset > available) {
    err = QStringLiteral("only %1 bytes available, the header needs %2").arg(available).arg(dataOffset);
    return std::nullopt;
  }
  const uint8_t *json = data + 8;
  const size_t bad = firstInvalidUtf8(json, size_t(n));
  if (bad != kNoError) {
    err = QStringLiteral("header is not valid UTF-8 (bad byte at header offset %1)").arg(bad);
    return std::nullopt;
  }
  SafetensorsHeader header;
  header.dataOffset = dataOffset;
  HeaderScanner scanner(json, size_t(n));
  if (!scanner.run(header)) {
    err = QStringLiteral("invalid header: ") + scanner.error();
    return std::nullopt;
  }
  if (!validateLayout(header, fileSize - dataOffset, &err))
    return std::nullopt;
  return header;
}

} // namespace streetlens
