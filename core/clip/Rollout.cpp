#include "core/clip/Rollout.h"

namespace streetlens::clip {

namespace {
// Points every vision layer's attention at a sink for the guard's lifetime.
class ProbeGuard {
public:
  ProbeGuard(ClipEncoderImpl &encoder, std::vector<torch::Tensor> &sinks) {
    sinks.resize(encoder.layers->size());
    size_t i = 0;
    for (const auto &m : *encoder.layers) {
      auto *attn = m->as<ClipEncoderLayerImpl>()->self_attn.get();
      attn->probsSink = &sinks[i++];
      attns_.push_back(attn);
    }
  }
  ~ProbeGuard() {
    for (auto *a : attns_)
      a->probsSink = nullptr;
  }
  ProbeGuard(const ProbeGuard &) = delete;
  ProbeGuard &operator=(const ProbeGuard &) = delete;

private:
  std::vector<ClipAttentionImpl *> attns_;
};
} // namespace

std::optional<RolloutTensors> rolloutTensors(ClipModelImpl &model, const torch::Tensor &pixels,
                                             const torch::Tensor &texts, double logitScale, int target,
                                             const ExplainControl &control, int doneBefore, int total) {
  // The engine's other calls run under InferenceMode; this one records the graph.
  c10::InferenceMode notInference(false);
  torch::AutoGradMode withGrad(true);
  std::vector<torch::Tensor> probs;
  torch::Tensor logProb;
  {
    ProbeGuard guard(*model.vision_model->encoder, probs);
    auto image = model.imageEmbeds(pixels).to(torch::kFloat); // [1, P]
    image = image / image.norm(2, -1, true);
    const auto logits = image.mm(texts.t()) * logitScale; // [1, T]
    logProb = torch::log_softmax(logits, -1).select(0, 0).select(0, target);
  }
  control.report(doneBefore + 1, total);
  if (control.isCancelled())
    return std::nullopt;
  // Gradients with respect to the probabilities only: no weight gradients are computed or kept.
  const auto grads = torch::autograd::grad({logProb}, probs);
  control.report(doneBefore + 2, total);
  RolloutTensors out;
  out.targetLogProb = logProb.item<double>();
  for (size_t l = 0; l < probs.size(); ++l) {
    out.probs.push_back(probs[l].detach().select(0, 0).to(torch::kCPU, torch::kFloat).contiguous());
    out.grads.push_back(grads[l].select(0, 0).to(torch::kCPU, torch::kFloat).contiguous());
  }
  return out;
}

std::vector<float> rolloutClsRow(const RolloutTensors &t) {
  torch::NoGradGuard noGrad;
  const int64_t L = t.probs.front().size(-1);
  auto v = torch::zeros({1, L}, torch::kDouble);
  v[0][0] = 1.0;
  for (size_t l = t.probs.size(); l-- > 0;) {
    const auto cam = (t.grads[l].to(torch::kDouble) * t.probs[l].to(torch::kDouble)).clamp_min(0).mean(0);
    v = v + v.mm(cam);
  }
  const auto row = v.select(0, 0).narrow(0, 1, L - 1).to(torch::kFloat).contiguous();
  return std::vector<float>(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
}

} // namespace streetlens::clip
