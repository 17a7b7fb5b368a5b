"""readability-lxml (Debian's python3-readability) over the same pages as Factdesk's extraction benchmark, kept
running by bench/Factdesk.Bench with the protocol of serve.mjs: "ready" after a warm-up pass, {"seconds": S} for
each "run" line, {"peakRssMB": M} at the end of input. Pages are decompressed into memory first, as on the other sides.
Usage: /usr/bin/python3 readability_lxml.py DIR
"""
import gzip
import json
import os
import resource
import sys
import time

from readability import Document


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8", errors="replace")


def main():
    folder = sys.argv[1]
    pages = [read(os.path.join(folder, name)) for name in sorted(os.listdir(folder))
             if name.endswith(".html.gz") or name.endswith(".html")]

    def extract_all():
        chars = 0
        for html in pages:
            try:
                chars += len(Document(html).summary(html_partial=True))
            except Exception:  # a page it cannot read costs its time all the same, as on the other sides
                pass
        return chars

    extract_all()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        start = time.perf_counter()
        extract_all()
        print(json.dumps({"seconds": time.perf_counter() - start}), flush=True)
    print(json.dumps({"peakRssMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}), flush=True)


if __name__ == "__main__":
    main()
