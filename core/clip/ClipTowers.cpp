#include "core/clip/ClipTowers.h"

#include "core/clip/DenseOps.h"

namespace streetlens::clip {

namespace {
bool isQuickGelu(const QString &act) {
  return act == QLatin1String("quick_gelu");
}
} // namespace

ClipVisionEmbeddingsImpl::ClipVisionEmbeddingsImpl(const ClipVisionConfig &c) : cfg_(c) {
  class_embedding = register_parameter("class_embedding", torch::randn({c.hiddenSize}));
  patch_embedding = register_module(
      "patch_embedding", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.numChannels, c.hiddenSize, c.patchSize)
                                               .stride(c.patchSize)
                                               .bias(false)));
  position_embedding =
      register_module("position_embedding", torch::nn::Embedding(c.numPositions(), c.hiddenSize));
}

torch::Tensor ClipVisionEmbeddingsImpl::forward(const torch::Tensor &pixels) {
  const int64_t B = pixels.size(0), C = cfg_.numChannels, p = cfg_.patchSize, g = cfg_.gridSize(),
                D = cfg_.hiddenSize;
  const auto &w = patch_embedding->weight; // [D, C, p, p]
  // Unfold into patches in (c, ky, kx) order, patch index = row * g + col (row-major), then one GEMM.
  auto patches = pixels.to(w.scalar_type())
                     .view({B, C, g, p, g, p})
                     .permute({0, 2, 4, 1, 3, 5})
                     .reshape({B, g * g, C * p * p});
  auto emb = fastLinear(patches, w.view({D, C * p * p}), torch::Tensor()); // [B, g*g, D]
  auto cls = class_embedding.view({1, 1, D}).expand({B, 1, D});
  return torch::cat({cls, emb.to(cls.scalar_type())}, 1) + position_embedding->weight.unsqueeze(0);
}

ClipVisionTransformerImpl::ClipVisionTransformerImpl(const ClipVisionConfig &c) {
  const auto ln = torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps);
  embeddings = register_module("embeddings", ClipVisionEmbeddings(c));
  pre_layrnorm = register_module("pre_layrnorm", torch::nn::LayerNorm(ln));
  encoder = register_module("encoder", ClipEncoder(c.numLayers, c.hiddenSize, c.numHeads, c.intermediateSize,
                                                   c.layerNormEps, isQuickGelu(c.hiddenAct)));
  post_layernorm = register_module("post_layernorm", torch::nn::LayerNorm(ln));
}

torch::Tensor ClipVisionTransformerImpl::forward(const torch::Tensor &pixels) {
  auto h = fastLayerNorm(embeddings->forward(pixels), pre_layrnorm);
  h = encoder->forward(h, /*causal=*/false);
  return fastLayerNorm(h.select(1, 0), post_layernorm);
}

ClipTextEmbeddingsImpl::ClipTextEmbeddingsImpl(const ClipTextConfig &c) {
  token_embedding = register_module("token_embedding", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
  position_embedding =
      register_module("position_embedding", torch::nn::Embedding(c.maxPositions, c.hiddenSize));
}

torch::Tensor ClipTextEmbeddingsImpl::forward(const torch::Tensor &ids) {
  const int64_t L = ids.size(1);
  return token_embedding->forward(ids) + position_embedding->weight.narrow(0, 0, L).unsqueeze(0);
}

ClipTextTransformerImpl::ClipTextTransformerImpl(const ClipTextConfig &c) : cfg_(c) {
  embeddings = register_module("embeddings", ClipTextEmbeddings(c));
  encoder = register_module("encoder", ClipEncoder(c.numLayers, c.hiddenSize, c.numHeads, c.intermediateSize,
                                                   c.layerNormEps, isQuickGelu(c.hiddenAct)));
  final_layer_norm =
      register_module("final_layer_norm",
                      torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps)));
}

torch::Tensor ClipTextTransformerImpl::poolingIndex(const torch::Tensor &ids) const {
  // Legacy configs (eos_token_id == 2, StreetCLIP) and inputs whose rows all contain the real eos
  // (the highest id) pool at argmax = the first eos; otherwise the first position of eos_token_id.
  const int64_t vocabMax = cfg_.vocabSize - 1;
  const auto rowMax = std::get<0>(ids.max(-1));
  if (cfg_.eosTokenId == 2 || rowMax.eq(vocabMax).all().item<bool>())
    return ids.argmax(-1);
  return ids.eq(cfg_.eosTokenId).to(torch::kInt).argmax(-1);
}

torch::Tensor ClipTextTransformerImpl::forward(const torch::Tensor &ids) {
  if (ids.size(1) > cfg_.maxPositions)
    throw std::invalid_argument("text longer than max_position_embeddings");
  auto h = embeddings->forward(ids);
  h = encoder->forward(h, /*causal=*/true);
  h = fastLayerNorm(h, final_layer_norm);
  const auto idx = poolingIndex(ids);
  const auto rows =
      torch::arange(ids.size(0), torch::TensorOptions().dtype(torch::kLong).device(ids.device()));
  return h.index({rows, idx});
}

} // namespace streetlens::clip
