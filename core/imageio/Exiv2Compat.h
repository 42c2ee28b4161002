#pragma once
// The few places where exiv2 0.27 (Debian 12) and 0.28 (Debian 13) differ, so ExifInfo.cpp reads
// the same on both: 0.28 made component counts and indices size_t, renamed Exifdatum::toLong to
// toInt64, replaced Exiv2::AnyError with Exiv2::Error and takes a size_t buffer length. Header
// only; used on whichever thread reads metadata.
#include <cstdint>
#include <exiv2/exiv2.hpp>

#ifndef EXIV2_TEST_VERSION
#define EXIV2_TEST_VERSION(major, minor, patch) (EXIV2_VERSION >= EXIV2_MAKE_VERSION(major, minor, patch))
#endif

namespace streetlens::exiv2compat {

#if EXIV2_TEST_VERSION(0, 28, 0)
using Index = size_t;       // component index / count type of Exifdatum
using Error = Exiv2::Error; // what exiv2 throws
using BufferSize = size_t;  // ImageFactory::open(const byte*, BufferSize)
inline int64_t integerAt(const Exiv2::Exifdatum &d, Index i) {
  return d.toInt64(i);
}
#else
using Index = long;
using Error = Exiv2::AnyError;
using BufferSize = long;
inline int64_t integerAt(const Exiv2::Exifdatum &d, Index i) {
  return int64_t(d.toLong(i));
}
#endif

// Number of components of a tag, in the type its index takes.
inline Index count(const Exiv2::Exifdatum &d) {
  return Index(d.count());
}

} // namespace streetlens::exiv2compat
