#pragma once
// Short, neutral English country names for prompts and display where the ISO English name is a
// formal or contested form ("Russian Federation", "Taiwan, Province of China"). StreetCLIP was
// trained on captions with everyday names, so prompts use these. Any thread.
#include <QString>

namespace streetlens::gazetteer {

// The common English name for an alpha-2 code, or `fallback` when the ISO name is already common.
QString commonEnglishName(const QString &code2, const QString &fallback);

} // namespace streetlens::gazetteer
