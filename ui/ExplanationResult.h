#pragma once
// ExplanationResult: a finished patch explanation of one photo together with the preprocessing
// that places its grid on the photo. Made on the analysis worker, immutable, shared with the GUI
// thread by pointer.
#include "core/analysis/Explanation.h"
#include "core/imageio/ClipImageProcessor.h"

#include <QMetaType>
#include <memory>

namespace streetlens::ui {

struct ExplanationResult {
  QString path;
  PatchGrid grid;
  ClipImageConfig imageConfig;
};
using ExplanationResultPtr = std::shared_ptr<const ExplanationResult>;

} // namespace streetlens::ui

Q_DECLARE_METATYPE(streetlens::ui::ExplanationResultPtr)
