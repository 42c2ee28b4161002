#!/usr/bin/python3
"""Independent reference for the engine on CLIP sizes other than the fixture's.

Writes a Hugging Face CLIP folder with random weights for a configuration unlike tiny-clip
(patch 16, image 224, head_dim 32 and 12, three vision layers, erf-GELU in the text tower,
compact config.json, dict-form preprocessor_config.json, F32 safetensors), plus inputs and the
outputs of a plain numpy float64 implementation of transformers' CLIPModel (modeling_clip.py:
pre-LN encoder layers, CLS pooling with post_layernorm, causal text tower pooled at the first
eos, bias-free projections). Usage: numpy_clip_reference.py OUT_DIR TOKENIZER_DIR
"""
import json
import math
import os
import shutil
import struct
import sys

import numpy as np

out, tok = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(7)

V = dict(hidden=96, heads=3, layers=3, inter=192, patch=16, image=224, act="quick_gelu")
T = dict(hidden=48, heads=4, layers=2, inter=96, vocab=49408, pos=77, act="gelu")
P = 24
grid = V["image"] // V["patch"]
npos = grid * grid + 1

W = {}


def param(name, *shape, scale=0.05):
    W[name] = (rng.standard_normal(shape) * scale).astype(np.float32)


def layer_params(prefix, d, inter):
    for n in ("q_proj", "k_proj", "v_proj", "out_proj"):
        param(f"{prefix}.self_attn.{n}.weight", d, d, scale=1 / math.sqrt(d))
        param(f"{prefix}.self_attn.{n}.bias", d)
    for n in ("layer_norm1", "layer_norm2"):
        W[f"{prefix}.{n}.weight"] = (1 + rng.standard_normal(d) * 0.1).astype(np.float32)
        param(f"{prefix}.{n}.bias", d)
    param(f"{prefix}.mlp.fc1.weight", inter, d, scale=1 / math.sqrt(d))
    param(f"{prefix}.mlp.fc1.bias", inter)
    param(f"{prefix}.mlp.fc2.weight", d, inter, scale=1 / math.sqrt(inter))
    param(f"{prefix}.mlp.fc2.bias", d)


d = V["hidden"]
param("vision_model.embeddings.class_embedding", d, scale=0.5)
param("vision_model.embeddings.patch_embedding.weight", d, 3, V["patch"], V["patch"], scale=0.05)
param("vision_model.embeddings.position_embedding.weight", npos, d, scale=0.1)
for n in ("pre_layrnorm", "post_layernorm"):
    W[f"vision_model.{n}.weight"] = (1 + rng.standard_normal(d) * 0.1).astype(np.float32)
    param(f"vision_model.{n}.bias", d)
for i in range(V["layers"]):
    layer_params(f"vision_model.encoder.layers.{i}", d, V["inter"])
t = T["hidden"]
param("text_model.embeddings.token_embedding.weight", T["vocab"], t, scale=0.1)
param("text_model.embeddings.position_embedding.weight", T["pos"], t, scale=0.05)
for i in range(T["layers"]):
    layer_params(f"text_model.encoder.layers.{i}", t, T["inter"])
W["text_model.final_layer_norm.weight"] = (1 + rng.standard_normal(t) * 0.1).astype(np.float32)
param("text_model.final_layer_norm.bias", t)
param("visual_projection.weight", P, d, scale=1 / math.sqrt(d))
param("text_projection.weight", P, t, scale=1 / math.sqrt(t))
W["logit_scale"] = np.array(math.log(50.0), dtype=np.float32)

# ---- safetensors (reference layout: sorted names, header padded with spaces to 8 bytes)
header, blobs, off = {"__metadata__": {"format": "pt"}}, [], 0
for name in sorted(W):
    b = W[name].astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(W[name].shape), "data_offsets": [off, off + len(b)]}
    blobs.append(b)
    off += len(b)
hj = json.dumps(header, separators=(",", ":")).encode()
hj += b" " * ((8 - len(hj) % 8) % 8)
with open(os.path.join(out, "model.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(hj)) + hj + b"".join(blobs))

config = {
    "model_type": "clip", "projection_dim": P,
    "text_config": {"hidden_size": t, "intermediate_size": T["inter"], "num_attention_heads": T["heads"],
                    "num_hidden_layers": T["layers"], "hidden_act": T["act"]},
    "vision_config": {"hidden_size": d, "intermediate_size": V["inter"], "num_attention_heads": V["heads"],
                      "num_hidden_layers": V["layers"], "patch_size": V["patch"], "image_size": V["image"]},
}
json.dump(config, open(os.path.join(out, "config.json"), "w"))
json.dump({"size": {"shortest_edge": 224}, "crop_size": {"height": 224, "width": 224}, "do_resize": True,
           "do_center_crop": True, "do_normalize": True, "resample": 3,
           "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_std": [0.26862954, 0.26130258, 0.27577711]},
          open(os.path.join(out, "preprocessor_config.json"), "w"))
for f in ("vocab.json", "merges.txt"):
    shutil.copy(os.path.join(tok, f), os.path.join(out, f))

# ---- reference forward pass in float64
def ln(x, w, b):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-5) * w + b


erf = np.vectorize(math.erf)


def act(x, kind):
    if kind == "quick_gelu":
        return x / (1 + np.exp(-1.702 * x))
    return 0.5 * x * (1 + erf(x / math.sqrt(2)))


def g(name):
    return W[name].astype(np.float64)


def encoder(x, prefix, layers, heads, kind, causal):
    B, L, D = x.shape
    hd = D // heads
    for i in range(layers):
        p = f"{prefix}.layers.{i}"
        h = ln(x, g(p + ".layer_norm1.weight"), g(p + ".layer_norm1.bias"))
        q = (h @ g(p + ".self_attn.q_proj.weight").T + g(p + ".self_attn.q_proj.bias")) * hd ** -0.5
        k = h @ g(p + ".self_attn.k_proj.weight").T + g(p + ".self_attn.k_proj.bias")
        v = h @ g(p + ".self_attn.v_proj.weight").T + g(p + ".self_attn.v_proj.bias")
        q, k, v = (a.reshape(B, L, heads, hd).transpose(0, 2, 1, 3) for a in (q, k, v))
        s = q @ k.transpose(0, 1, 3, 2)
        if causal:
            s = s + np.triu(np.full((L, L), -np.inf), 1)
        s = np.exp(s - s.max(-1, keepdims=True))
        s = s / s.sum(-1, keepdims=True)
        o = (s @ v).transpose(0, 2, 1, 3).reshape(B, L, D)
        x = x + o @ g(p + ".self_attn.out_proj.weight").T + g(p + ".self_attn.out_proj.bias")
        h = ln(x, g(p + ".layer_norm2.weight"), g(p + ".layer_norm2.bias"))
        h = act(h @ g(p + ".mlp.fc1.weight").T + g(p + ".mlp.fc1.bias"), kind)
        x = x + h @ g(p + ".mlp.fc2.weight").T + g(p + ".mlp.fc2.bias")
    return x


pixels = rng.standard_normal((2, 3, 224, 224)).astype(np.float32)
pixels.astype("<f4").tofile(os.path.join(out, "pixels.f32"))
B, ps = 2, V["patch"]
px = pixels.astype(np.float64).reshape(B, 3, grid, ps, grid, ps).transpose(0, 2, 4, 1, 3, 5).reshape(B, grid * grid, -1)
emb = px @ g("vision_model.embeddings.patch_embedding.weight").reshape(d, -1).T
cls = np.broadcast_to(g("vision_model.embeddings.class_embedding"), (B, 1, d))
x = np.concatenate([cls, emb], 1) + g("vision_model.embeddings.position_embedding.weight")
x = ln(x, g("vision_model.pre_layrnorm.weight"), g("vision_model.pre_layrnorm.bias"))
x = encoder(x, "vision_model.encoder", V["layers"], V["heads"], V["act"], False)
pooled = ln(x[:, 0], g("vision_model.post_layernorm.weight"), g("vision_model.post_layernorm.bias"))
image_embeds = pooled @ g("visual_projection.weight").T

ids = [[49406, 320, 2012, 1093, 1125, 530, 3552, 269, 49407], [49406, 2223, 7075, 49407], [49406, 49407]]
text_embeds = []
for row in ids:
    a = np.array([row])
    x = g("text_model.embeddings.token_embedding.weight")[a] + g("text_model.embeddings.position_embedding.weight")[: a.shape[1]]
    x = encoder(x, "text_model.encoder", T["layers"], T["heads"], T["act"], True)
    x = ln(x, g("text_model.final_layer_norm.weight"), g("text_model.final_layer_norm.bias"))
    eos = row.index(49407)
    text_embeds.append((x[0, eos] @ g("text_projection.weight").T).tolist())

json.dump({"input_ids": ids, "image_embeds": image_embeds.tolist(), "text_embeds": text_embeds,
           "logit_scale": float(W["logit_scale"])}, open(os.path.join(out, "reference.json"), "w"))
