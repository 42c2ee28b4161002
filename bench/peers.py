#!/usr/bin/env python3
"""StreetLens against the peers users would pick (issue #24): PyTorch 2.x eager and ONNX Runtime,
on the same random weights at StreetCLIP's sizes (CLIP ViT-L/14-336 image tower), same input pixels,
same threads and batch, each next to the GEMM peak of its dtype measured in the same process.

  peers.py make DIR --batch N            random weights (Hugging Face key names) -> DIR/weights.safetensors,
                                         input pixels [N, 3, 336, 336] -> DIR/pixels.safetensors
  peers.py model DIR                     a whole random model at StreetCLIP's sizes for the app's pipeline
                                         (bench/pipeline_bench): DIR/model/config.json and model.safetensors
                                         with both towers (the tokenizer files are copied in by peers.sh)
  peers.py run DIR --batch N --threads T --reps R [--int8]
                                         PyTorch eager fp32 and bf16 autocast (SDPA attention, as Hugging
                                         Face's modeling_clip.py computes it), ONNX Runtime fp32 (opset 17,
                                         ORT_ENABLE_ALL), the same after its transformer optimizer (fused
                                         attention) and, with --int8, its dynamic int8 route; writes
                                         DIR/<route>.b<N>.f32 (embeddings) and prints one JSON line
  peers.py report DIR --batch N PEER.json ENGINE.json...
                                         the table and the last line (bench/peers.sh calls all three)

Needs python3-torch, python3-onnx, python3-onnxruntime and python3-numpy (Debian 13); no network.
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np

# StreetCLIP (geolocal/StreetCLIP): CLIP ViT-L/14-336's image tower and its 768-wide projection.
WIDTH, LAYERS, HEADS, MLP, PATCH, SIZE, PROJ, EPS = 1024, 24, 16, 4096, 14, 336, 768, 1e-5
TOKENS = (SIZE // PATCH) ** 2 + 1


# ---- safetensors: 8-byte little-endian header length, JSON header, raw little-endian data ----------
def write_safetensors(path, tensors):
    header, offset = {}, 0
    for name, a in tensors.items():
        a = np.asarray(a, dtype=np.float32, order="C")  # not ascontiguousarray: keeps 0-d shapes
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-(8 + len(raw)) % 8)  # data 8-byte aligned, as the reference writer does
    with open(path + ".partial", "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for a in tensors.values():
            np.asarray(a, dtype=np.float32, order="C").tofile(f)
    os.replace(path + ".partial", path)


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F32", (name, e["dtype"])
        b, end = e["data_offsets"]
        out[name] = np.frombuffer(data[b:end], dtype="<f4").reshape(e["shape"])
    return out


def encoder_shapes(tower, layers, width, mlp):
    """The CLIPEncoder layers' parameters of one tower, in Hugging Face's key names."""
    s = {}
    for i in range(layers):
        p = f"{tower}.encoder.layers.{i}."
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            s[p + f"self_attn.{proj}.weight"] = [width, width]
            s[p + f"self_attn.{proj}.bias"] = [width]
        for ln in ("layer_norm1", "layer_norm2"):
            s[p + f"{ln}.weight"] = [width]
            s[p + f"{ln}.bias"] = [width]
        s[p + "mlp.fc1.weight"], s[p + "mlp.fc1.bias"] = [mlp, width], [mlp]
        s[p + "mlp.fc2.weight"], s[p + "mlp.fc2.bias"] = [width, mlp], [width]
    return s


def vision_shapes():
    s = {"vision_model.embeddings.class_embedding": [WIDTH],
         "vision_model.embeddings.patch_embedding.weight": [WIDTH, 3, PATCH, PATCH],
         "vision_model.embeddings.position_embedding.weight": [TOKENS, WIDTH],
         "vision_model.pre_layrnorm.weight": [WIDTH], "vision_model.pre_layrnorm.bias": [WIDTH]}
    s.update(encoder_shapes("vision_model", LAYERS, WIDTH, MLP))
    s["vision_model.post_layernorm.weight"] = [WIDTH]
    s["vision_model.post_layernorm.bias"] = [WIDTH]
    s["visual_projection.weight"] = [PROJ, WIDTH]
    return s


def random_weight(rng, name, shape):
    if "norm" in name and name.endswith(".weight"):
        return 1.0 + 0.1 * rng.standard_normal(shape, dtype=np.float32)
    if name.endswith(".weight") and len(shape) >= 2:
        fan_in = int(np.prod(shape[1:]))
        return rng.standard_normal(shape, dtype=np.float32) * fan_in ** -0.5
    return 0.02 * rng.standard_normal(shape, dtype=np.float32)  # biases, class embedding


def make(args):
    rng = np.random.default_rng(24)
    weights = {}
    for name, shape in vision_shapes().items():
        weights[name] = random_weight(rng, name, shape)
    write_safetensors(os.path.join(args.dir, "weights.safetensors"), weights)
    pixels = rng.standard_normal((args.batch, 3, SIZE, SIZE), dtype=np.float32)
    write_safetensors(os.path.join(args.dir, "pixels.safetensors"), {"pixel_values": pixels})


# StreetCLIP's text tower (CLIP ViT-L/14-336's): 12 layers of width 768, 77 positions.
TEXT_WIDTH, TEXT_LAYERS, TEXT_HEADS, TEXT_MLP, TEXT_POSITIONS, VOCAB = 768, 12, 12, 3072, 77, 49408


def text_shapes():
    s = {"text_model.embeddings.token_embedding.weight": [VOCAB, TEXT_WIDTH],
         "text_model.embeddings.position_embedding.weight": [TEXT_POSITIONS, TEXT_WIDTH]}
    s.update(encoder_shapes("text_model", TEXT_LAYERS, TEXT_WIDTH, TEXT_MLP))
    s["text_model.final_layer_norm.weight"] = [TEXT_WIDTH]
    s["text_model.final_layer_norm.bias"] = [TEXT_WIDTH]
    s["text_projection.weight"] = [PROJ, TEXT_WIDTH]
    return s


def model(args):
    """A whole CLIPModel checkpoint at StreetCLIP's sizes, random, in the layout of Hugging Face's."""
    rng = np.random.default_rng(25)
    shapes = dict(vision_shapes())
    shapes.update(text_shapes())
    weights = {name: random_weight(rng, name, shape) for name, shape in shapes.items()}
    weights["logit_scale"] = np.array(np.log(100.0), dtype=np.float32)
    out = os.path.join(args.dir, "model")
    os.makedirs(out, exist_ok=True)
    write_safetensors(os.path.join(out, "model.safetensors"), weights)
    layer = {"hidden_act": "quick_gelu", "layer_norm_eps": EPS, "projection_dim": PROJ}
    config = {"architectures": ["CLIPModel"], "model_type": "clip", "projection_dim": PROJ,
              "logit_scale_init_value": 2.6592, "torch_dtype": "float32",
              "text_config": dict(layer, hidden_size=TEXT_WIDTH, intermediate_size=TEXT_MLP,
                                  num_attention_heads=TEXT_HEADS, num_hidden_layers=TEXT_LAYERS,
                                  max_position_embeddings=TEXT_POSITIONS, vocab_size=VOCAB,
                                  bos_token_id=0, eos_token_id=2, pad_token_id=1),
              "vision_config": dict(layer, hidden_size=WIDTH, intermediate_size=MLP, num_attention_heads=HEADS,
                                    num_hidden_layers=LAYERS, image_size=SIZE, patch_size=PATCH, num_channels=3)}
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)


# ---- the peers ----------------------------------------------------------------------------------
def build_model(eager_attention=False):
    """eager_attention: CLIPAttention's "eager" form (q·scale, bmm, softmax, bmm), the graph ONNX
    Runtime's transformer optimizer recognises and fuses; otherwise CLIPSdpaAttention (the default)."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    class Attention(nn.Module):  # CLIPSdpaAttention / CLIPAttention of transformers' modeling_clip.py
        def __init__(self):
            super().__init__()
            self.q_proj, self.k_proj = nn.Linear(WIDTH, WIDTH), nn.Linear(WIDTH, WIDTH)
            self.v_proj, self.out_proj = nn.Linear(WIDTH, WIDTH), nn.Linear(WIDTH, WIDTH)

        def forward(self, x):
            b, n, _ = x.shape

            def heads(t):
                return t.view(b, n, HEADS, WIDTH // HEADS).transpose(1, 2)

            if eager_attention:
                shape = (b * HEADS, n, WIDTH // HEADS)
                q = heads(self.q_proj(x) * (WIDTH // HEADS) ** -0.5).contiguous().view(shape)
                k = heads(self.k_proj(x)).contiguous().view(shape)
                v = heads(self.v_proj(x)).contiguous().view(shape)
                o = torch.bmm(F.softmax(torch.bmm(q, k.transpose(1, 2)), dim=-1), v)
                return self.out_proj(o.view(b, HEADS, n, WIDTH // HEADS).transpose(1, 2).reshape(b, n, WIDTH))
            o = F.scaled_dot_product_attention(heads(self.q_proj(x)), heads(self.k_proj(x)), heads(self.v_proj(x)),
                                               attn_mask=None, dropout_p=0.0, scale=(WIDTH // HEADS) ** -0.5)
            return self.out_proj(o.transpose(1, 2).reshape(b, n, WIDTH))

    class Mlp(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1, self.fc2 = nn.Linear(WIDTH, MLP), nn.Linear(MLP, WIDTH)

        def forward(self, x):
            h = self.fc1(x)
            return self.fc2(h * torch.sigmoid(1.702 * h))  # quick_gelu

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.self_attn, self.mlp = Attention(), Mlp()
            self.layer_norm1, self.layer_norm2 = nn.LayerNorm(WIDTH, eps=EPS), nn.LayerNorm(WIDTH, eps=EPS)

        def forward(self, x):
            x = x + self.self_attn(self.layer_norm1(x))
            return x + self.mlp(self.layer_norm2(x))

    class Encoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))

    class Embeddings(nn.Module):
        def __init__(self):
            super().__init__()
            self.class_embedding = nn.Parameter(torch.empty(WIDTH))
            self.patch_embedding = nn.Conv2d(3, WIDTH, PATCH, stride=PATCH, bias=False)
            self.position_embedding = nn.Embedding(TOKENS, WIDTH)

        def forward(self, pixels):
            x = self.patch_embedding(pixels.to(self.patch_embedding.weight.dtype)).flatten(2).transpose(1, 2)
            cls = self.class_embedding.expand(x.shape[0], 1, -1).to(x.dtype)
            return torch.cat([cls, x], 1) + self.position_embedding.weight

    class Vision(nn.Module):
        def __init__(self):
            super().__init__()
            self.embeddings, self.encoder = Embeddings(), Encoder()
            self.pre_layrnorm, self.post_layernorm = nn.LayerNorm(WIDTH, eps=EPS), nn.LayerNorm(WIDTH, eps=EPS)

    class ImageFeatures(nn.Module):  # CLIPModel.get_image_features
        def __init__(self):
            super().__init__()
            self.vision_model = Vision()
            self.visual_projection = nn.Linear(WIDTH, PROJ, bias=False)

        def forward(self, pixels):
            v = self.vision_model
            x = v.pre_layrnorm(v.embeddings(pixels))
            for layer in v.encoder.layers:
                x = layer(x)
            return self.visual_projection(v.post_layernorm(x[:, 0]))

    return ImageFeatures()


def time_best(fn, reps):
    fn()  # warm-up (oneDNN primitives, allocator)
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def torch_gemm_peak(dtype, n=2048, reps=10):
    import torch
    a, b = torch.randn(n, n).to(dtype), torch.randn(n, n).to(dtype)
    with torch.inference_mode():
        return 2.0 * n ** 3 / time_best(lambda: torch.matmul(a, b), reps) / 1e9


def run(args):
    from importlib.metadata import version
    import torch
    import onnxruntime as ort  # (not `import onnx` too: Debian's two copies of its schemas then collide, noisily)

    torch.set_num_threads(args.threads)
    weights = {k: torch.from_numpy(np.array(v)) for k, v in read_safetensors(os.path.join(args.dir, "weights.safetensors")).items()}
    pixels = torch.from_numpy(np.array(read_safetensors(os.path.join(args.dir, "pixels.safetensors"))["pixel_values"]))
    pixels = pixels[: args.batch].contiguous()
    model = build_model().eval()
    model.load_state_dict(weights, strict=True)
    del weights
    out = {"process": "python", "torch": torch.__version__, "onnx": version("onnx"), "onnxruntime": ort.__version__,
           "numpy": np.__version__, "python": sys.version.split()[0], "threads": torch.get_num_threads(),
           "batch": int(pixels.shape[0]), "torch_config": torch.__config__.show().strip().splitlines()[:3],
           "routes": []}
    peak = {"fp32": torch_gemm_peak(torch.float32), "bf16": torch_gemm_peak(torch.bfloat16)}

    def record(route, dtype, seconds, embeds):
        path = os.path.join(args.dir, f"{route.replace(' ', '_')}.{dtype}.b{args.batch}.f32")
        np.ascontiguousarray(embeds, dtype=np.float32).tofile(path)
        out["routes"].append({"route": route, "dtype": dtype, "s_per_image": seconds / args.batch, "embeds": path})
        print(f"  {route} {dtype}: {seconds / args.batch:.3f} s/image", file=sys.stderr, flush=True)

    with torch.inference_mode():
        res = {}
        s = time_best(lambda: res.__setitem__("e", model(pixels)), args.reps)
        record(f"PyTorch {torch.__version__} eager", "fp32", s, res["e"].numpy())

        def bf16():
            with torch.autocast("cpu", dtype=torch.bfloat16):
                res["e"] = model(pixels).float()
        s = time_best(bf16, args.reps)
        record(f"PyTorch {torch.__version__} eager", "bf16", s, res["e"].numpy())

    onnx_path = os.path.join(args.dir, "vision.onnx")
    if not os.path.exists(onnx_path):
        t0 = time.perf_counter()
        torch.onnx.export(model, (pixels[:1],), onnx_path, opset_version=17, input_names=["pixel_values"],
                          output_names=["image_embeds"], dynamic_axes={"pixel_values": {0: "batch"},
                                                                        "image_embeds": {0: "batch"}},
                          dynamo=False)
        print(f"  exported {onnx_path} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    # ONNX Runtime's transformer optimizer (onnxruntime.transformers, model_type "clip"), its documented
    # route for transformer models: on the model exported with CLIPAttention's eager form (the pattern it
    # recognises; the SDPA export above gets no attention fused) it fuses each layer's attention into its
    # Attention op, quick_gelu into QuickGelu and the residual adds into SkipLayerNormalization.
    optimized_path = os.path.join(args.dir, "vision.optimized.onnx")
    if not os.path.exists(optimized_path):
        t0 = time.perf_counter()
        eager = build_model(eager_attention=True).eval()
        eager.load_state_dict(model.state_dict(), strict=True)
        eager_path = os.path.join(args.dir, "vision.eager.onnx")
        torch.onnx.export(eager, (pixels[:1],), eager_path, opset_version=17, input_names=["pixel_values"],
                          output_names=["image_embeds"], dynamic_axes={"pixel_values": {0: "batch"},
                                                                        "image_embeds": {0: "batch"}},
                          dynamo=False)
        del eager
        from onnxruntime.transformers import optimizer
        optimized = optimizer.optimize_model(eager_path, model_type="clip", num_heads=HEADS, hidden_size=WIDTH,
                                             opt_level=0)
        fused = {k: v for k, v in optimized.get_fused_operator_statistics().items() if v}
        optimized.save_model_to_file(optimized_path + ".partial")
        os.replace(optimized_path + ".partial", optimized_path)
        os.remove(eager_path)
        print(f"  transformer optimizer in {time.perf_counter() - t0:.0f} s, fused: {fused}", file=sys.stderr,
              flush=True)
    del model

    def ort_route(path, label, dtype):
        so = ort.SessionOptions()
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.intra_op_num_threads, so.inter_op_num_threads = args.threads, 1
        sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
        feed = {"pixel_values": pixels.numpy()}
        res = {}
        s = time_best(lambda: res.__setitem__("e", sess.run(None, feed)[0]), args.reps)
        record(label, dtype, s, res["e"])

    ort_route(onnx_path, f"ONNX Runtime {ort.__version__}", "fp32")
    ort_route(optimized_path, f"ONNX Runtime {ort.__version__}, optimizer", "fp32")
    if args.int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic
        q_path = os.path.join(args.dir, "vision.int8.onnx")
        if not os.path.exists(q_path):
            quantize_dynamic(onnx_path, q_path, weight_type=QuantType.QInt8)
        ort_route(q_path, f"ONNX Runtime {ort.__version__}", "int8")
    # Peak after the routes too: a neighbour's burst lowers a peak, never raises it.
    out["gemm_peak"] = {"fp32": max(peak["fp32"], torch_gemm_peak(torch.float32)),
                        "bf16": max(peak["bf16"], torch_gemm_peak(torch.bfloat16))}
    print(json.dumps(out))


# ---- the table ----------------------------------------------------------------------------------
def report(args):
    procs = []
    for p in args.results:
        with open(p) as f:
            lines = [l for l in f.read().splitlines() if l.startswith("{")]
        if not lines:
            sys.exit(f"peers: no result line in {p}")
        procs.append(json.loads(lines[-1]))
    flops = 2.0 * LAYERS * (4 * TOKENS * WIDTH ** 2 + 2 * TOKENS * WIDTH * MLP + 2 * TOKENS ** 2 * WIDTH) \
        + 2.0 * (TOKENS - 1) * 3 * PATCH * PATCH * WIDTH
    peak = {d: max(pr["gemm_peak"].get(d, 0) for pr in procs) for d in ("fp32", "bf16")}
    rows = [dict(r, ours=pr["process"] != "python") for pr in procs for r in pr["routes"]]
    ref = next(r for r in rows if not r["ours"] and r["dtype"] == "fp32" and r["route"].startswith("PyTorch"))
    ref_e = np.fromfile(ref["embeds"], dtype="<f4").reshape(args.batch, -1).astype(np.float64)

    def cosine(r):
        e = np.fromfile(r["embeds"], dtype="<f4").reshape(args.batch, -1).astype(np.float64)
        return float(np.min(np.sum(e * ref_e, 1) / np.linalg.norm(e, axis=1) / np.linalg.norm(ref_e, axis=1)))

    peers = [r for r in rows if not r["ours"]]
    fastest = {d: min((r for r in peers if r["dtype"] == d), key=lambda r: r["s_per_image"], default=None)
               for d in ("fp32", "bf16")}
    print(f"\nimage tower: {flops / 1e9:.1f} GFLOP per image; batch {args.batch}; "
          f"threads {', '.join(str(pr['threads']) for pr in procs)}")
    print("GEMM peak (matmul 2048^3, best of 20, GFLOP/s): " +
          "; ".join(f"{pr['process']}: fp32 {pr['gemm_peak']['fp32']:.1f}, bf16 {pr['gemm_peak'].get('bf16', 0):.1f}"
                    for pr in procs) + f"; reference = max: fp32 {peak['fp32']:.1f}, bf16 {peak['bf16']:.1f}")
    hdr = f"{'route':<34} {'dtype':<5} {'s/image':>8} {'GFLOP/s':>8} {'% peak':>7} {'vs fastest peer':>16} {'cos to PT fp32':>15}"
    print(hdr + "\n" + "-" * len(hdr))
    failed = []
    for r in rows:
        c = cosine(r)
        rate = flops / r["s_per_image"] / 1e9
        pk = peak.get(r["dtype"]) or peak["fp32"]
        f = fastest["fp32"]
        vs = f"{f['s_per_image'] / r['s_per_image']:.2f}x" if f else "-"
        print(f"{r['route']:<34} {r['dtype']:<5} {r['s_per_image']:>8.3f} {rate:>8.1f} {100 * rate / pk:>6.1f}% "
              f"{vs:>16} {c:>15.6f}")
        if r["dtype"] == "fp32" and c < 0.9999:
            failed.append(f"{r['route']} fp32 cosine {c:.6f} < 0.9999")
    print("(vs fastest peer: the fastest peer's fp32 s/image divided by the row's; % peak: of the same "
          "dtype's peak, int8 rows of the fp32 peak)")
    for msg in failed:
        print("DISAGREES: " + msg)
    ours = [r for r in rows if r["ours"] and r["route"].startswith(args.ours)]
    best = {d: min((r["s_per_image"] for r in ours if r["dtype"] == d), default=None) for d in ("fp32", "bf16")}
    f32 = fastest["fp32"]["s_per_image"]
    r1 = f32 / best["fp32"] if best["fp32"] else 0.0
    r2 = f32 / best["bf16"] if best["bf16"] else 0.0
    print(f"fastest peer fp32: {fastest['fp32']['route']} ({f32:.3f} s/image)" +
          (f"; fastest peer bf16: {fastest['bf16']['route']} ({fastest['bf16']['s_per_image']:.3f} s/image)"
           if fastest["bf16"] else ""))
    print(f"streetlens-vs-fastest-peer: fp32 {r1:.2f}x bf16 {r2:.2f}x")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["make", "model", "run", "report"])
    ap.add_argument("dir")
    ap.add_argument("results", nargs="*")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--int8", action="store_true")
    ap.add_argument("--ours", default="StreetLens", help="route-name prefix of the rows the last line is about")
    args = ap.parse_args()
    return {"make": make, "model": model, "run": run, "report": report}[args.mode](args) or 0


if __name__ == "__main__":
    sys.exit(main())
