#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Python PyTorch reference for bench/compare: ParetoLab's GPT written as a
PyTorch user would write it (nanoGPT-style modules, a preallocated KV cache,
torch.inference_mode), sampling and one PPO-clip update at the same sizes as
`paretolab-cli benchmark`. Prints the same JSON object."""

import argparse
import json
import math
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD, BOS, EOS = 0, 1, 2  # core/tokenizer.h


class Block(nn.Module):
    """Pre-LayerNorm block with a fused QKV projection and exact GELU, as engine/model/gpt.cpp."""

    def __init__(self, embed, heads):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(embed)
        self.qkv = nn.Linear(embed, 3 * embed)
        self.projection = nn.Linear(embed, embed)
        self.norm2 = nn.LayerNorm(embed)
        self.mlp = nn.Sequential(nn.Linear(embed, 4 * embed), nn.GELU(), nn.Linear(4 * embed, embed))

    def attention(self, x, cache, start):
        batch, time_, embed = x.shape
        head_dim = embed // self.heads
        q, k, v = self.qkv(x).split(embed, dim=2)
        q, k, v = (t.view(batch, time_, self.heads, head_dim).transpose(1, 2) for t in (q, k, v))
        if cache is not None:
            keys, values = cache
            keys[:, :, start:start + time_] = k
            values[:, :, start:start + time_] = v
            k, v = keys[:, :, :start + time_], values[:, :, :start + time_]
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(head_dim)
        if time_ > 1:
            causal = torch.ones(time_, start + time_, dtype=torch.bool).tril(start)
            scores = scores.masked_fill(~causal, float("-inf"))
        out = (scores.softmax(-1) @ v).transpose(1, 2).contiguous().view(batch, time_, embed)
        return self.projection(out)

    def forward(self, x, cache=None, start=0):
        x = x + self.attention(self.norm1(x), cache, start)
        return x + self.mlp(self.norm2(x))


class Gpt(nn.Module):
    def __init__(self, vocab, context, embed, layers, heads):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab, embed)
        self.position_embedding = nn.Embedding(context, embed)
        self.blocks = nn.ModuleList(Block(embed, heads) for _ in range(layers))
        self.final_norm = nn.LayerNorm(embed)
        for name, p in self.named_parameters():
            if "norm" not in name:
                nn.init.normal_(p, 0.0, 0.02) if p.dim() >= 2 else nn.init.zeros_(p)

    def forward(self, tokens, caches=None, start=0):
        positions = torch.arange(start, start + tokens.size(1))
        x = self.token_embedding(tokens) + self.position_embedding(positions)
        for i, block in enumerate(self.blocks):
            x = block(x, caches[i] if caches else None, start)
        return F.linear(self.final_norm(x), self.token_embedding.weight)  # tied head


def policy_logits(logits, temperature=1.0):
    logits = logits / temperature
    logits[..., PAD] = float("-inf")
    logits[..., BOS] = float("-inf")
    return logits


def sample(model, args):
    heads, head_dim = args.heads, args.embed_dim // args.heads
    with torch.inference_mode():
        caches = [(torch.empty(args.batch, heads, args.length, head_dim),
                   torch.empty(args.batch, heads, args.length, head_dim)) for _ in range(args.layers)]
        out = torch.empty(args.batch, args.length, dtype=torch.long)
        out[:, 0] = BOS
        for t in range(args.length - 1):
            logits = model(out[:, t:t + 1], caches, t)[:, -1]
            probabilities = policy_logits(logits).softmax(-1)
            out[:, t + 1] = torch.multinomial(probabilities, 1).squeeze(1)
    return out


def masked_mean(values, mask):
    return (values * mask).sum() / mask.sum().clamp_min(1.0)


class TrainStep:
    """One PPO-clip update as engine/train/ppo.cpp does it: forward, clipped
    surrogate over generated tokens, backward, gradient clipping at 1, Adam."""

    def __init__(self, model, args):
        self.model = model
        self.optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
        self.tokens = torch.randint(EOS + 1, args.vocab, (args.batch, args.length))
        self.tokens[:, 0] = BOS
        self.mask = torch.ones(args.batch, args.length - 1)
        with torch.no_grad():
            self.old = self.log_probs()
        self.advantages = (torch.rand(args.batch, 1) - 0.5) * self.mask

    def log_probs(self):
        logits = policy_logits(self.model(self.tokens[:, :-1]))
        targets = self.tokens[:, 1:].unsqueeze(-1)
        return logits.log_softmax(-1).gather(-1, targets).squeeze(-1)

    def __call__(self):
        self.model.train()
        ratio = (self.log_probs() - self.old).exp()
        unclipped = ratio * self.advantages
        clipped = ratio.clamp(0.8, 1.2) * self.advantages
        loss = masked_mean(-torch.min(unclipped, clipped), self.mask)
        with torch.no_grad():
            clip_fraction = masked_mean(((ratio - 1.0).abs() > 0.2).float(), self.mask).item()
        self.optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.optimizer.step()
        return loss.item(), clip_fraction


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--what", choices=["sample", "train-step"], default="sample")
    parser.add_argument("--embed-dim", type=int, default=128)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--vocab", type=int, default=40)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--length", type=int, default=64)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--warmups", type=int, default=1)
    args = parser.parse_args()

    # Python's torch starts with one thread on these machines, as LibTorch does.
    torch.set_num_threads(args.threads or os.cpu_count())
    torch.manual_seed(0)
    model = Gpt(args.vocab, args.length, args.embed_dim, args.layers, args.heads).eval()
    work = (lambda: sample(model, args)) if args.what == "sample" else TrainStep(model, args)
    for _ in range(args.warmups):
        work()
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    report = {"what": args.what, "implementation": "python-pytorch " + torch.__version__,
              "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
              "repeats": args.repeats, "threads": torch.get_num_threads(),
              "vocab": args.vocab, "embed_dim": args.embed_dim, "layers": args.layers,
              "heads": args.heads, "batch": args.batch, "length": args.length,
              "tokens": args.batch * (args.length - 1)}
    report["tokens_per_s"] = report["tokens"] / report["median_s"]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
