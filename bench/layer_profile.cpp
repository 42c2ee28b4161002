// Per-operation profile of one image-tower layer at StreetCLIP's sizes (ViT-L/14-336: 577 tokens,
// width 1024, 16 heads, MLP 4096), in fp32 and in the engine's mixed bf16, with random weights.
// Each step of ClipEncoderLayer::forward is run on its own through the same functions the engine
// calls (fastLayerNorm, fastLinear, attend, the MLP's activation) and timed (best of --reps after a
// warm-up); the table gives ms per layer for the batch, GFLOP/s where the step is a product, and its
// share of the layer. The last row times the whole ClipEncoderLayer::forward the same way, so the
// sum of the steps can be checked against it; LibTorch's batched attention is shown in its parts
// below the engine's, for comparison (not counted in the sum). Usage: layer_profile [--images N] [--reps N]
// [--threads N] [--dtype fp32|bf16|both]. Numbers go to docs/PERFORMANCE.md (issue #24).
#include "core/clip/Attention.h"
#include "core/clip/ClipLayers.h"
#include "core/clip/CpuAllocator.h"
#include "core/clip/DenseOps.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

using streetlens::clip::ClipEncoderLayer;

constexpr int64_t kTokens = 577, kWidth = 1024, kHeads = 16, kMlp = 4096;

double bestMs(int reps, const std::function<void()> &step) {
  step(); // warm-up: oneDNN primitives, allocator
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    step();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return best;
}

struct Row {
  std::string step;
  double ms;
  double gflop; // 0 where the step is not a product
};

void profile(torch::ScalarType dtype, int64_t images, int reps) {
  torch::manual_seed(7);
  ClipEncoderLayer layer(kWidth, kHeads, kMlp, 1e-5, /*quickGelu=*/true);
  for (auto &p : layer->parameters())
    p.data().normal_(0.0, 0.02);
  layer->self_attn->prepareForInference(dtype);
  layer->mlp->prepareForInference(dtype);
  // The residual stream: fp32 in both routes (mixed precision keeps it in fp32).
  const auto x = torch::randn({images, kTokens, kWidth});
  const auto params = layer->named_parameters();
  const auto qkvW = params["self_attn.qkv_weight"], qkvB = params["self_attn.qkv_bias"];
  const auto &attn = layer->self_attn;
  const auto &mlp = layer->mlp;
  const double B = double(images), L = kTokens, D = kWidth, F = kMlp;

  std::vector<Row> rows;
  torch::Tensor ln1, qkv, q, k, v, o, merged, proj, h, act;
  rows.push_back({"layer_norm1 (fp32)",
                  bestMs(reps, [&] { ln1 = streetlens::clip::fastLayerNorm(x, layer->layer_norm1); }), 0});
  torch::Tensor lowIn;
  rows.push_back({"cast to compute dtype", bestMs(reps, [&] { lowIn = ln1.to(dtype); }), 0});
  rows.push_back({"q,k,v projection",
                  bestMs(reps, [&] { qkv = streetlens::clip::fastLinear(lowIn, qkvW, qkvB); }),
                  2 * B * L * D * 3 * D});
  auto qkv5 = qkv.view({images, kTokens, 3, kHeads, kWidth / kHeads}).permute({2, 0, 3, 1, 4});
  q = qkv5[0];
  k = qkv5[1];
  v = qkv5[2];
  rows.push_back({"attention (the engine's route)",
                  bestMs(reps, [&] { o = streetlens::clip::attend(q, k, v, false); }),
                  2 * 2 * B * L * L * D});
  // LibTorch's batched attention in its parts, for comparison: the route the engine takes where the
  // fused kernels (core/clip/CpuKernels) do not run, and the only one before them.
  torch::Tensor scores, probs;
  rows.push_back({"  LibTorch batched: q.kT",
                  bestMs(reps, [&] { scores = torch::matmul(q, k.transpose(-2, -1)); }), 2 * B * L * L * D});
  rows.push_back(
      {"  LibTorch batched: softmax", bestMs(reps, [&] { probs = at::_softmax(scores, -1, false); }), 0});
  rows.push_back({"  LibTorch batched: probs.v", bestMs(reps, [&] { (void)torch::matmul(probs, v); }),
                  2 * B * L * L * D});
  rows.push_back({"merge heads (copy)",
                  bestMs(reps,
                         [&] {
                           merged = o.transpose(1, 2).reshape({images, kTokens, kWidth});
                         }),
                  0});
  rows.push_back({"out projection",
                  bestMs(reps,
                         [&] {
                           proj = streetlens::clip::fastLinear(merged, attn->out_proj->weight,
                                                               attn->out_proj->bias);
                         }),
                  2 * B * L * D * D});
  torch::Tensor x1;
  rows.push_back({"residual add", bestMs(reps, [&] { x1 = x + proj; }), 0});
  torch::Tensor ln2;
  rows.push_back(
      {"layer_norm2 (fp32) + cast",
       bestMs(reps, [&] { ln2 = streetlens::clip::fastLayerNorm(x1, layer->layer_norm2).to(dtype); }), 0});
  rows.push_back(
      {"fc1", bestMs(reps, [&] { h = streetlens::clip::fastLinear(ln2, mlp->fc1->weight, mlp->fc1->bias); }),
       2 * B * L * D * F});
  rows.push_back(
      {"quick_gelu (as the MLP runs it)",
       bestMs(reps,
              [&] {
                act = h.clone(); // the MLP works in place on fc1's output; the clone is timed apart below
                act = mlp->activate(act);
              }),
       0});
  rows.push_back({"  minus: clone of fc1's output", -bestMs(reps, [&] { act = h.clone(); }), 0});
  rows.push_back(
      {"fc2",
       bestMs(reps, [&] { (void)streetlens::clip::fastLinear(act, mlp->fc2->weight, mlp->fc2->bias); }),
       2 * B * L * F * D});
  rows.push_back({"residual add", bestMs(reps, [&] { (void)(x1 + proj); }), 0});

  const double whole = bestMs(reps, [&] { (void)layer->forward(x, false); });
  double sum = 0, flops = 0;
  for (const auto &r : rows)
    if (r.step.rfind("  LibTorch", 0) != 0) {
      sum += r.ms;
      flops += r.gflop;
    }
  std::printf("\n%s, %lld image(s), %d thread(s): one layer, best of %d\n",
              dtype == torch::kFloat ? "fp32" : "bf16", (long long)images, torch::get_num_threads(), reps);
  std::printf("%-36s %9s %9s %7s\n", "step", "ms", "GFLOP/s", "share");
  for (const auto &r : rows)
    std::printf("%-36s %9.2f %9s %6.1f%%\n", r.step.c_str(), r.ms,
                r.gflop > 0 ? std::to_string(int(r.gflop / r.ms / 1e6)).c_str() : "", 100.0 * r.ms / whole);
  std::printf("%-36s %9.2f\n", "sum of the steps", sum);
  std::printf("%-36s %9.2f %9d  (GFLOP/s over the whole layer)\n", "whole layer (ClipEncoderLayer::forward)",
              whole, int(flops / whole / 1e6));
}

} // namespace

int main(int argc, char **argv) {
  streetlens::clip::tuneAllocatorForInference(); // as the engine's programs do
  int64_t images = 2;
  int reps = 5;
  std::string which = "both";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--images"))
      images = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--reps"))
      reps = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads"))
      torch::set_num_threads(std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--dtype"))
      which = argv[i + 1];
  }
  c10::InferenceMode mode;
  if (which != "bf16")
    profile(torch::kFloat, images, reps);
  if (which != "fp32") {
    if (!streetlens::clip::bf16LinearUsesOneDnn()) {
      std::printf("bf16 skipped: this CPU has no native bf16 inner product\n");
      return 0;
    }
    profile(torch::kBFloat16, images, reps);
  }
  return 0;
}
