#pragma once
// Generates a deterministic corpus of corrupt and extreme image files (reliability R3): byte
// flips, truncations, header fields rewritten (bombs, zero sizes), junk, empty files, odd formats.
// Test-only; writes into a folder and returns the paths.
#include <QString>
#include <QStringList>

namespace streetlens::test {

// Writes at least `count` files derived from the seed images into `dir`.
QStringList makeCorruptCorpus(const QString &dir, const QStringList &seeds, int count);

} // namespace streetlens::test
