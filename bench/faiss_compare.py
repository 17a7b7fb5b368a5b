#!/usr/bin/python3
"""FAISS on the vectors `Factdesk.Bench recall DB QUERIES DIR` exported, beside Factdesk's own index.

Reads DIR/vectors.f32 (one float32 row of 384 per claim or title), DIR/labels.i64 (the fact-check of each row),
DIR/queries.f32 and DIR/ours.i64 (Factdesk's HNSW top 10 fact-checks per query). The exact answer is
IndexFlatIP's: per fact-check the best of its rows, top 10 fact-checks. Then IndexHNSWFlat (M 16 like ours,
efConstruction 100 like ours) at several efSearch values: build time, per-query latency (one query at a time, as
a search serves them), recall@10 of fact-checks against the exact answer; and Factdesk's recall@10 on the same
ground truth.

Run with Debian's python and OpenBLAS (apt-get install python3-faiss libopenblas0-pthread):
    /usr/bin/python3 bench/faiss_compare.py DIR [THREADS] [flat|hnswlib]

With `flat` only the exact index runs (an HNSW build of millions of vectors takes long on a shared machine); with
`hnswlib` the exact index and then hnswlib's HNSW (apt-get install python3-hnswlib), M 16 and efConstruction 100 too.
"""
import os
import sys
import time

import faiss
import numpy as np

DIMENSIONS = 384
ROWS_PER_QUERY = 200  # enough rows to hold 10 distinct fact-checks even when claim and title both come back


def top_labels(rows, labels, k=10):
    """The first k distinct fact-checks among the rows a search returned, best first."""
    seen, out = set(), []
    for row in rows:
        if row < 0:
            continue
        label = int(labels[row])
        if label not in seen:
            seen.add(label)
            out.append(label)
            if len(out) == k:
                break
    return out


def recall(found, exact):
    return float(np.mean([len(set(f) & set(e)) / len(e) for f, e in zip(found, exact)]))


def timed_queries(index, queries, k):
    latencies, rows = [], []
    for q in queries:
        start = time.perf_counter()
        _, found = index.search(q[None, :], k)
        latencies.append((time.perf_counter() - start) * 1000)
        rows.append(found[0])
    latencies.sort()
    return rows, latencies[len(latencies) // 2], latencies[int(np.ceil(0.99 * len(latencies))) - 1]


def main():
    folder = sys.argv[1]
    faiss.omp_set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    vectors = np.fromfile(os.path.join(folder, "vectors.f32"), dtype=np.float32).reshape(-1, DIMENSIONS)
    labels = np.fromfile(os.path.join(folder, "labels.i64"), dtype=np.int64)
    queries = np.fromfile(os.path.join(folder, "queries.f32"), dtype=np.float32).reshape(-1, DIMENSIONS)
    ours = np.fromfile(os.path.join(folder, "ours.i64"), dtype=np.int64).reshape(-1, 10)
    print(f"{vectors.shape[0]} vectors of {len(np.unique(labels))} fact-checks, {queries.shape[0]} queries, "
          f"faiss {faiss.__version__}, {faiss.omp_get_max_threads()} threads, load {os.getloadavg()[0]:.1f}")

    flat = faiss.IndexFlatIP(DIMENSIONS)
    start = time.perf_counter()
    flat.add(vectors)
    print(f"IndexFlatIP: add {time.perf_counter() - start:.1f} s")
    rows, p50, p99 = timed_queries(flat, queries, ROWS_PER_QUERY)
    exact = [top_labels(r, labels) for r in rows]
    print(f"IndexFlatIP (exact): p50 {p50:.2f} ms, p99 {p99:.2f} ms per query")
    start = time.perf_counter()
    flat.search(queries, ROWS_PER_QUERY)
    print(f"IndexFlatIP batch of all {queries.shape[0]} queries: {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"Factdesk HNSW (default beam): recall@10 {recall([[x for x in o if x >= 0] for o in ours], exact):.3f}")

    if len(sys.argv) > 3 and sys.argv[3] == "flat":
        return
    if len(sys.argv) > 3 and sys.argv[3] == "hnswlib":
        compare_hnswlib(vectors, labels, queries, exact, int(sys.argv[2]) if len(sys.argv) > 2 else 2)
        return
    hnsw = faiss.IndexHNSWFlat(DIMENSIONS, 16, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 100
    start = time.perf_counter()
    hnsw.add(vectors)
    print(f"IndexHNSWFlat M 16 efConstruction 100: build {time.perf_counter() - start:.1f} s "
          f"({vectors.shape[0] / (time.perf_counter() - start):.0f} vectors/s)")
    for ef in (64, 128, 256, 512):
        hnsw.hnsw.efSearch = ef
        rows, p50, p99 = timed_queries(hnsw, queries, min(ROWS_PER_QUERY, ef))
        print(f"IndexHNSWFlat efSearch {ef}: recall@10 {recall([top_labels(r, labels) for r in rows], exact):.3f}, "
              f"p50 {p50:.2f} ms, p99 {p99:.2f} ms per query")


def compare_hnswlib(vectors, labels, queries, exact, threads):
    import hnswlib

    index = hnswlib.Index(space="ip", dim=DIMENSIONS)
    index.init_index(max_elements=vectors.shape[0], M=16, ef_construction=100, random_seed=1)
    index.set_num_threads(threads)
    start = time.perf_counter()
    index.add_items(vectors, np.arange(vectors.shape[0]))
    seconds = time.perf_counter() - start
    print(f"hnswlib M 16 efConstruction 100: build {seconds:.1f} s ({vectors.shape[0] / seconds:.0f} vectors/s, "
          f"{threads} threads, load {os.getloadavg()[0]:.1f})")
    index.set_num_threads(1)
    for ef in (64, 128, 256, 512):
        index.set_ef(ef)
        latencies, found = [], []
        for q in queries:
            begin = time.perf_counter()
            rows, _ = index.knn_query(q[None, :], k=min(ROWS_PER_QUERY, ef))
            latencies.append((time.perf_counter() - begin) * 1000)
            found.append(top_labels(rows[0], labels))
        latencies.sort()
        print(f"hnswlib ef {ef}: recall@10 {recall(found, exact):.3f}, p50 {latencies[len(latencies) // 2]:.2f} ms, "
              f"p99 {latencies[int(np.ceil(0.99 * len(latencies))) - 1]:.2f} ms per query")


if __name__ == "__main__":
    main()
