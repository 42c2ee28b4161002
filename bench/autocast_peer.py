#!/usr/bin/env python3
"""PyTorch's own bf16 on the tiny-clip fixture, as the yardstick for StreetLens's bf16 (issue #14):
Hugging Face's CLIPModel forward written out in PyTorch (the same keys, pre-LN blocks, quick_gelu,
eos pooling, bias-free projections), weights from the fixture's pytorch_model.bin, run once in fp32
and once under torch.autocast("cpu", dtype=torch.bfloat16) on the fixture's reference pixels and
token ids. Prints one JSON line: the lowest image and text cosine to fp32, the largest logit
difference, and the versions. Usage: autocast_peer.py FIXTURE_DIR   (Debian: apt install python3-torch)"""
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F


def quick_gelu(x):
    return x * torch.sigmoid(1.702 * x)


def encoder(sd, prefix, x, layers, heads, eps, causal):
    for i in range(layers):
        p = f"{prefix}.encoder.layers.{i}."
        h = F.layer_norm(x, x.shape[-1:], sd[p + "layer_norm1.weight"], sd[p + "layer_norm1.bias"], eps)
        b, n, d = h.shape
        hd = d // heads

        def proj(name):
            return F.linear(h, sd[p + f"self_attn.{name}.weight"], sd[p + f"self_attn.{name}.bias"])

        q = (proj("q_proj") * hd ** -0.5).view(b, n, heads, hd).transpose(1, 2)
        k = proj("k_proj").view(b, n, heads, hd).transpose(1, 2)
        v = proj("v_proj").view(b, n, heads, hd).transpose(1, 2)
        scores = torch.matmul(q, k.transpose(-1, -2))
        if causal:
            scores = scores.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))
        probs = torch.softmax(scores, dim=-1)  # autocast runs softmax in fp32
        o = torch.matmul(probs.to(v.dtype), v).transpose(1, 2).reshape(b, n, d)
        x = x + F.linear(o, sd[p + "self_attn.out_proj.weight"], sd[p + "self_attn.out_proj.bias"])
        h = F.layer_norm(x, x.shape[-1:], sd[p + "layer_norm2.weight"], sd[p + "layer_norm2.bias"], eps)
        h = quick_gelu(F.linear(h, sd[p + "mlp.fc1.weight"], sd[p + "mlp.fc1.bias"]))
        x = x + F.linear(h, sd[p + "mlp.fc2.weight"], sd[p + "mlp.fc2.bias"])
    return x


def image_embeds(sd, cfg, pixels):
    v = cfg["vision_config"]
    w = sd["vision_model.embeddings.patch_embedding.weight"]
    x = F.conv2d(pixels, w, stride=v["patch_size"]).flatten(2).transpose(1, 2)
    cls = sd["vision_model.embeddings.class_embedding"].expand(x.shape[0], 1, -1)
    x = torch.cat([cls.to(x.dtype), x], 1) + sd["vision_model.embeddings.position_embedding.weight"]
    eps = v.get("layer_norm_eps", 1e-5)
    x = F.layer_norm(x, x.shape[-1:], sd["vision_model.pre_layrnorm.weight"], sd["vision_model.pre_layrnorm.bias"], eps)
    x = encoder(sd, "vision_model", x, v["num_hidden_layers"], v["num_attention_heads"], eps, False)
    pooled = F.layer_norm(x[:, 0], x.shape[-1:], sd["vision_model.post_layernorm.weight"],
                          sd["vision_model.post_layernorm.bias"], eps)
    return F.linear(pooled, sd["visual_projection.weight"])


def text_embeds(sd, cfg, ids):
    t = cfg["text_config"]
    eps = t.get("layer_norm_eps", 1e-5)
    x = sd["text_model.embeddings.token_embedding.weight"][ids]
    x = x + sd["text_model.embeddings.position_embedding.weight"][: ids.shape[1]]
    x = encoder(sd, "text_model", x, t["num_hidden_layers"], t["num_attention_heads"], eps, True)
    x = F.layer_norm(x, x.shape[-1:], sd["text_model.final_layer_norm.weight"], sd["text_model.final_layer_norm.bias"], eps)
    pooled = x[torch.arange(ids.shape[0]), ids.argmax(-1)]  # legacy eos pooling (eos_token_id == 2)
    return F.linear(pooled, sd["text_projection.weight"])


def main():
    root = sys.argv[1]
    cfg = json.load(open(f"{root}/model-bin/config.json"))
    sd = torch.load(f"{root}/model-bin/pytorch_model.bin", map_location="cpu")
    exp = json.load(open(f"{root}/expected.json"))
    pixels = []
    for im in exp["images"]:
        raw = open(f"{root}/pixels/{im['pixels']}", "rb").read()
        vals = struct.unpack(f"<{len(raw) // 4}f", raw)
        side = int(round(math.sqrt(len(vals) / 3)))
        pixels.append(torch.tensor(vals).view(1, 3, side, side))
    pixels = torch.cat(pixels)
    rows = [l["input_ids"] for l in exp["labels"]]
    scale = sd["logit_scale"].exp().item()
    out = {"torch": torch.__version__, "images": len(pixels), "texts": len(rows)}
    with torch.no_grad():
        ref_i = image_embeds(sd, cfg, pixels)
        ref_t = torch.cat([text_embeds(sd, cfg, torch.tensor([r])) for r in rows])
        with torch.autocast("cpu", dtype=torch.bfloat16):
            bf_i = image_embeds(sd, cfg, pixels).float()
            bf_t = torch.cat([text_embeds(sd, cfg, torch.tensor([r])) for r in rows]).float()

    def logits(i, t):
        return scale * F.normalize(i, dim=-1) @ F.normalize(t, dim=-1).T

    out["image_cosine_min"] = F.cosine_similarity(ref_i, bf_i).min().item()
    out["text_cosine_min"] = F.cosine_similarity(ref_t, bf_t).min().item()
    out["logit_diff_max"] = (logits(ref_i, ref_t) - logits(bf_i, bf_t)).abs().max().item()
    # fp32 against the fixture's own reference (transformers): proves this script is the model.
    ref_img = torch.tensor([im["image_embeds"] for im in exp["images"]])
    out["fp32_vs_reference_rel_error"] = ((ref_i - ref_img).norm() / ref_img.norm()).item()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
