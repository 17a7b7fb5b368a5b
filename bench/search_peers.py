#!/usr/bin/python3
"""The Python search peers of `Factdesk.Bench vectors` and `Factdesk.Bench bm25`, driven over stdin and stdout.

The bench starts this script once per invocation and sends one command per line; each answer is one JSON line, so
the bench can time its own pass over the queries and then a peer's pass in turn, run by run in the same invocation:

    /usr/bin/python3 bench/search_peers.py vectors DIR M EF_CONSTRUCTION EF_SEARCH THREADS
        DIR holds vectors.f32 (float32 rows of 384, a fact-check's claim and title rows), labels.i64 (the fact-check
        of each row) and queries.f32, as `recall DB QUERIES DIR` exports them. Indexes: faiss-flat (IndexFlatIP,
        exact), faiss-hnsw (IndexHNSWFlat), hnswlib; all float32, inner product.
    /usr/bin/python3 bench/search_peers.py bm25 DIR
        DIR holds documents.tsv (label, text) and queries.txt (one query per line). Index: xapian (a glass
        database in DIR, English stemmer, BM25 with k1 1.2 and b 0.75 like Factdesk's and Lucene's).

Commands: `build NAME` answers {"seconds", "memoryMB"}: the build's wall time and the growth of the resident set (for
xapian the size of the database files instead);
`query NAME` answers {"latencies": ms per query, one query at a time, "top": the 10 best labels per query};
`quit` ends. The first line written is {"versions": ...}.
"""
import json
import os
import resource
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

TOP = 10
# A fact-check has at most two rows (claim and title), so twice TOP rows always hold TOP distinct fact-checks.
ROWS = 2 * TOP
# Factdesk's FactCheckSearch.MaxQueryTerms: at most this many distinct terms of a query are searched.
MAX_QUERY_TERMS = 64


def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1e6


class VectorPeers:
    def __init__(self, folder, m, ef_construction, ef_search, threads):
        import faiss
        import hnswlib
        from faiss_compare import DIMENSIONS, top_labels

        self.faiss, self.hnswlib, self.top_labels = faiss, hnswlib, top_labels
        self.vectors = np.fromfile(os.path.join(folder, "vectors.f32"), dtype=np.float32).reshape(-1, DIMENSIONS)
        self.labels = np.fromfile(os.path.join(folder, "labels.i64"), dtype=np.int64)
        self.queries = np.fromfile(os.path.join(folder, "queries.f32"), dtype=np.float32).reshape(-1, DIMENSIONS)
        self.m, self.ef_construction, self.ef_search, self.threads = m, ef_construction, ef_search, threads
        self.dimensions = DIMENSIONS
        self.indexes = {}
        self.versions = {"faiss": faiss.__version__, "hnswlib": getattr(hnswlib, "__version__", "Debian python3-hnswlib")}

    def build(self, name):
        faiss = self.faiss
        faiss.omp_set_num_threads(self.threads)
        if name == "faiss-flat":
            index = faiss.IndexFlatIP(self.dimensions)
            add = lambda: index.add(self.vectors)
        elif name == "faiss-hnsw":
            index = faiss.IndexHNSWFlat(self.dimensions, self.m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = self.ef_construction
            add = lambda: index.add(self.vectors)
        elif name == "hnswlib":
            index = self.hnswlib.Index(space="ip", dim=self.dimensions)
            index.init_index(max_elements=self.vectors.shape[0], M=self.m, ef_construction=self.ef_construction, random_seed=1)
            index.set_num_threads(self.threads)
            add = lambda: index.add_items(self.vectors, np.arange(self.vectors.shape[0]))
        else:
            raise ValueError(f"unknown vector index {name}")
        before = resident_mb()
        start = time.perf_counter()
        add()
        seconds = time.perf_counter() - start
        self.indexes[name] = index
        return {"seconds": seconds, "memoryMB": resident_mb() - before}

    def query(self, name):
        index = self.indexes[name]
        # One query at a time, as a search serves them: one thread, no batching.
        self.faiss.omp_set_num_threads(1)
        if name == "faiss-hnsw":
            index.hnsw.efSearch = self.ef_search
            search = lambda q: index.search(q, ROWS)[1][0]
        elif name == "hnswlib":
            index.set_num_threads(1)
            index.set_ef(self.ef_search)
            search = lambda q: index.knn_query(q, k=ROWS)[0][0]
        else:
            search = lambda q: index.search(q, ROWS)[1][0]
        latencies, top = [], []
        for q in self.queries:
            row = q[None, :]
            start = time.perf_counter()
            rows = search(row)
            latencies.append((time.perf_counter() - start) * 1000)
            top.append(self.top_labels(rows, self.labels, TOP))
        return {"latencies": latencies, "top": top}


class XapianPeer:
    def __init__(self, folder):
        import xapian

        self.xapian, self.folder = xapian, folder
        with open(os.path.join(folder, "documents.tsv"), encoding="utf-8") as documents:
            self.documents = [line.rstrip("\n").split("\t", 1) for line in documents]
        with open(os.path.join(folder, "queries.txt"), encoding="utf-8") as queries:
            self.queries = [line.rstrip("\n") for line in queries]
        self.database = None
        self.versions = {"xapian": xapian.version_string()}

    def build(self, name):
        if name != "xapian":
            raise ValueError(f"unknown text index {name}")
        xapian = self.xapian
        start = time.perf_counter()
        # Glass, Xapian's own backend, in the bench's temporary folder, without fsync (Lucene's RAMDirectory has none): its
        # in-memory backend is a slow test double, not what a Xapian user searches.
        path = os.path.join(self.folder, "xapian.glass")
        if self.database is not None:
            # A rebuild (--builds) overwrites the database: let go of the one opened for searching first.
            self.database.close()
            self.database = None
        database = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE | xapian.DB_BACKEND_GLASS | xapian.DB_NO_SYNC)
        generator = xapian.TermGenerator()
        generator.set_stemmer(xapian.Stem("english"))
        generator.set_stopper(self.stopper())
        for label, text in self.documents:
            document = xapian.Document()
            generator.set_document(document)
            generator.index_text(text)
            document.set_data(label)
            database.add_document(document)
        database.commit()
        database.close()
        self.database = xapian.Database(path)
        seconds = time.perf_counter() - start
        size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
        return {"seconds": seconds, "memoryMB": size / 1e6}

    def stopper(self):
        # Lucene's English stop set, so that the three engines drop about the same words.
        stopper = self.xapian.SimpleStopper()
        for word in ("a an and are as at be but by for if in into is it no not of on or such that the their then "
                     "there these they this to was will with").split():
            stopper.add(word)
        return stopper

    def query(self, name):
        xapian = self.xapian
        # The query is the same analysis as the documents' (English stemmer, the stop words), as a disjunction of its
        # distinct stemmed terms: what Factdesk's and Lucene's queries are. Xapian's QueryParser would turn a tweet's
        # links and handles (pic.twitter.com/x) into phrase queries, a different and slower search.
        generator = xapian.TermGenerator()
        generator.set_stemmer(xapian.Stem("english"))
        generator.set_stopper(self.stopper())
        enquire = xapian.Enquire(self.database)
        enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))
        latencies, top = [], []
        for text in self.queries:
            start = time.perf_counter()
            scratch = xapian.Document()
            generator.set_document(scratch)
            generator.index_text_without_positions(text)
            terms = [item.term for item in scratch.termlist() if item.term.startswith(b"Z")][:MAX_QUERY_TERMS]
            enquire.set_query(xapian.Query(xapian.Query.OP_OR, terms))
            labels = [int(match.document.get_data()) for match in enquire.get_mset(0, TOP)]
            latencies.append((time.perf_counter() - start) * 1000)
            top.append(labels)
        return {"latencies": latencies, "top": top}


def main():
    kind, folder = sys.argv[1], sys.argv[2]
    if kind == "vectors":
        peer = VectorPeers(folder, *(int(a) for a in sys.argv[3:7]))
    elif kind == "bm25":
        peer = XapianPeer(folder)
    else:
        raise SystemExit(f"search_peers.py: unknown kind {kind!r} (vectors or bm25)")
    print(json.dumps({"versions": peer.versions}), flush=True)
    for line in sys.stdin:
        command, _, name = line.strip().partition(" ")
        if command == "quit":
            break
        answer = peer.build(name) if command == "build" else peer.query(name)
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
