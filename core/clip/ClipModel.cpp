#include "core/clip/ClipModel.h"

#include "core/clip/CpuAllocator.h"
#include "core/clip/MixedPrecision.h"

namespace streetlens::clip {

ClipModelImpl::ClipModelImpl(const ClipConfig &c) : cfg_(c) {
  text_model = register_module("text_model", ClipTextTransformer(c.text));
  vision_model = register_module("vision_model", ClipVisionTransformer(c.vision));
  visual_projection = register_module(
      "visual_projection",
      torch::nn::Linear(torch::nn::LinearOptions(c.vision.hiddenSize, c.projectionDim).bias(false)));
  text_projection = register_module(
      "text_projection",
      torch::nn::Linear(torch::nn::LinearOptions(c.text.hiddenSize, c.projectionDim).bias(false)));
  logit_scale = register_parameter("logit_scale", torch::full({}, c.logitScaleInit));
}

torch::Tensor ClipModelImpl::imageEmbeds(const torch::Tensor &pixels) {
  return visual_projection->forward(vision_model->forward(pixels));
}

torch::Tensor ClipModelImpl::textEmbeds(const torch::Tensor &ids) {
  return text_projection->forward(text_model->forward(ids));
}

void ClipModelImpl::prepareForInference(torch::ScalarType computeDtype) {
  tuneAllocatorForInference(); // no-op when main() already did it
  eval();
  text_model->encoder->prepareForInference(mixedPrecision().fp32TextTower ? torch::kFloat : computeDtype);
  vision_model->encoder->prepareForInference(computeDtype);
}

} // namespace streetlens::clip
