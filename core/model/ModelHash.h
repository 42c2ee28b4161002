#pragma once
// SHA-256 of a (possibly multi-gigabyte) weights file, remembered per (path, size, mtime) in the
// user's cache folder so that the second start does not re-read 1.7 GB. Any thread.
#include <QString>

namespace streetlens {

// Hex SHA-256 of the file; empty string with *error set when the file cannot be read.
QString sha256OfFile(const QString &path, QString *error = nullptr);
// Like sha256OfFile, but answered from the cache when the file's size and mtime are unchanged.
QString cachedSha256OfFile(const QString &path, QString *error = nullptr);

} // namespace streetlens
