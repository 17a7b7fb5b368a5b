#!/usr/bin/python3
"""The 1M store's crowding where the queries look, at a tenth of its size, for `Factdesk.Bench hnsw` and FAISS.

From an export of the 100k store (`Factdesk.Bench recall DB QUERIES DIR`): its CLEF seed rows (fact-check ids up to
10,375), and around each seed row among the 5 nearest each query 96 near-copies made as `generate` makes them
(0.8 x the seed + 0.2 x a random seed + N(0, 0.029) per dimension, unit length): about as many as a seed has at 1M.
Each copy gets a label of its own. The queries are copied unchanged.

    /usr/bin/python3 bench/crowded_export.py EXPORT_DIR NEW_DIR
"""
import os
import sys

import numpy as np

src, out = sys.argv[1], sys.argv[2]
v = np.fromfile(f"{src}/vectors.f32", dtype=np.float32).reshape(-1, 384)
l = np.fromfile(f"{src}/labels.i64", dtype=np.int64)
q = np.fromfile(f"{src}/queries.f32", dtype=np.float32).reshape(-1, 384)
seed_rows = np.where(l <= 10375)[0]
sv, sl = v[seed_rows], l[seed_rows]
rng = np.random.default_rng(2026)
chosen = np.unique(np.argsort(-(q @ sv.T), axis=1)[:, :5])
rows, labels, next_label = [sv], [sl], 10_000_000
for r in chosen:
    others = sv[rng.integers(0, len(sv), 96)]
    copies = 0.8 * sv[r] + 0.2 * others + rng.normal(0, 0.029, (96, 384)).astype(np.float32)
    copies /= np.linalg.norm(copies, axis=1, keepdims=True)
    rows.append(copies.astype(np.float32))
    labels.append(np.arange(next_label, next_label + 96, dtype=np.int64))
    next_label += 96
os.makedirs(out, exist_ok=True)
np.concatenate(rows).tofile(f"{out}/vectors.f32")
np.concatenate(labels).tofile(f"{out}/labels.i64")
q.tofile(f"{out}/queries.f32")
print(len(chosen), "seed rows crowded,", sum(len(x) for x in labels), "vectors")
