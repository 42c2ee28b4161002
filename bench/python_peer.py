#!/usr/bin/env python3
"""The Python route a user would otherwise run, as engine_bench's peer: OpenAI CLIP's ViT-L/14-336
image tower written the way OpenAI's clip/model.py writes it (Conv2d patch embedding, class and
position embeddings, ln_pre, residual blocks of nn.MultiheadAttention and a QuickGELU MLP,
ln_post, projection), random weights, PyTorch eager in fp32 under torch.no_grad(), no tuning.
Prints one JSON line: {"torch": version, "threads": n, "images": n, "seconds_per_image": s}.
Usage: python_peer.py [--images N] [--reps N] [--threads N]"""
import argparse
import json
import time

import torch
from torch import nn


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, width * 4), QuickGELU(), nn.Linear(width * 4, width))
        self.ln_2 = nn.LayerNorm(width)

    def forward(self, x):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class VisionTransformer(nn.Module):
    def __init__(self, resolution=336, patch=14, width=1024, layers=24, heads=16, output_dim=768):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, kernel_size=patch, stride=patch, bias=False)
        scale = width ** -0.5
        self.class_embedding = nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = nn.Parameter(scale * torch.randn((resolution // patch) ** 2 + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.blocks = nn.Sequential(*[ResidualAttentionBlock(width, heads) for _ in range(layers)])
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(scale * torch.randn(width, output_dim))

    def forward(self, x):
        x = self.conv1(x)
        x = x.reshape(x.shape[0], x.shape[1], -1).permute(0, 2, 1)
        cls = self.class_embedding + torch.zeros(x.shape[0], 1, x.shape[-1], dtype=x.dtype)
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.ln_pre(x).permute(1, 0, 2)  # NLD -> LND, as OpenAI's code does
        x = self.blocks(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=4)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = VisionTransformer().eval()
    pixels = torch.randn(a.images, 3, 336, 336)
    best = float("inf")
    with torch.no_grad():
        model(pixels[:1])  # warm-up
        for _ in range(a.reps):
            t0 = time.perf_counter()
            model(pixels)
            best = min(best, (time.perf_counter() - t0) / a.images)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "images": a.images,
                      "seconds_per_image": best}))


if __name__ == "__main__":
    main()
