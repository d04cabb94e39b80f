#!/usr/bin/env bash
# Sentence-boundary F1 of tacitus (`tacitus`: rules plus the boundary classifier, the default;
# `tacitus-rules`: rules alone) and of the sentencex crate on GUM news test and EWT test,
# and token F1 of tacitus against EWT test gold tokens, all in one run.
#
#   scripts/sbd_eval.sh            # from the workspace root; needs ../shared
#   SBD_BIN=path/to/sbd scripts/sbd_eval.sh   # use an already built example binary
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
if [ ! -d "$shared/ud" ] || [ ! -f "$shared/eval/score_sbd.py" ]; then
    echo "SKIP: $shared absent (needs ud/ and eval/score_sbd.py)" >&2
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${SBD_BIN:-}" ]; then
    (cd "$root" && cargo build -q --release -p tacitus-nlp --example sbd)
    SBD_BIN="$root/target/release/examples/sbd"
fi

score="$shared/eval/score_sbd.py"
declare -A gold=([gum_news]="$shared/ud/en_gum-ud-test.conllu" [ewt_test]="$shared/ud/en_ewt-ud-test.conllu")
declare -A prefix=([gum_news]="GUM_news" [ewt_test]="")

for set in gum_news ewt_test; do
    python3 "$score" text --gold "${gold[$set]}" --doc-prefix "${prefix[$set]}" > "$work/$set.txt"
    "$SBD_BIN" "$work/$set.txt" > "$work/$set.tacitus.conllu"
    "$SBD_BIN" --rules-only "$work/$set.txt" > "$work/$set.tacitus-rules.conllu"
    "$SBD_BIN" --sentencex "$work/$set.txt" > "$work/$set.sentencex.conllu"
    for system in tacitus tacitus-rules sentencex; do
        f1=$(python3 "$score" score --gold "${gold[$set]}" --doc-prefix "${prefix[$set]}" \
            --pred "$work/$set.$system.conllu" | tail -1 | sed -n 's/.*sbd_f1=\([0-9.]*\).*/\1/p')
        printf '%-10s %-14s sbd_f1=%s\n' "$set" "$system" "$f1"
    done
done

# Token F1 on EWT test: gold tokens are the syntactic words (multiword tokens such as "don't"
# count as their words "do" "n't"), located in the raw text rebuilt from `# text`.
python3 - "$shared/eval" "${gold[ewt_test]}" "$work/ewt_test.txt" "$work/ewt_test.tacitus.conllu" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from score_sbd import read_gold  # noqa: E402

conllu, raw_path, pred_path = sys.argv[2:5]
raw = open(raw_path, encoding="utf-8").read()

# The words of each gold sentence, in order.
words, cur = [], []
with open(conllu, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line:
            if cur:
                words.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        cur.append(cols[1])
if cur:
    words.append(cur)

gold, pos, unaligned = set(), 0, 0
sents = list(read_gold(conllu, ""))
assert len(sents) == len(words), (len(sents), len(words))
for (_, _, text), forms in zip(sents, words):
    start = raw.find(text, pos)
    end = start + len(text)
    p = start
    for w in forms:
        while p < end and raw[p].isspace():
            p += 1
        if raw.startswith(w, p):
            gold.add((p, p + len(w)))
            p += len(w)
        else:
            unaligned += 1
    pos = end

pred = set()
with open(pred_path, encoding="utf-8") as f:
    for line in f:
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            pred.add((int(misc["start_char"]), int(misc["end_char"])))
tp = len(gold & pred)
p, r = tp / len(pred), tp / len(gold)
f1 = 2 * p * r / (p + r)
print(f"ewt_test   tacitus        token_p={p:.4f} token_r={r:.4f} token_f1={f1:.4f} "
      f"(gold {len(gold)}, unaligned gold words {unaligned}, predicted {len(pred)})")
PY
