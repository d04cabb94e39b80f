#!/usr/bin/env python3
"""Score `tacitus places` on GeoWebNews (GWN.xml) and GeoVirus (GeoVirus.xml).

Turns the XML into the docs/gold JSONL shapes of ../shared/eval (in a temp dir), runs the
places command on the docs and scores with ../shared/eval/score_geo.py.

Gold: GWN toponyms that carry coordinates (the resolution gold: literal, metonymic, modifier,
mixed, embedded and coerced toponyms; expressions without coordinates are left out);
GeoVirus locations (their offsets are one too high in the XML and are shifted back).

usage: eval_gritta.py [--set gwn|geovirus|both] [--shared ../shared] [--cmd "tacitus places --input"]
           [--half dev|test|all]
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def gwn(path):
    docs, gold = [], []
    for art in ET.parse(path).getroot().iter("article"):
        did = "gwn-" + art.get("file", str(len(docs)))
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon:
                continue
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            gid = t.findtext("geonamesID")
            tops.append({"start": s, "end": e, "text": text[s:e], "lat": float(lat), "lon": float(lon),
                         "geonameid": int(gid) if gid and gid.isdigit() else None})
        docs.append({"id": did, "text": text, "date": "2018-01-01"})
        gold.append({"id": did, "toponyms": tops})
    return docs, gold


def geovirus(path):
    docs, gold = [], []
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        did = f"gv-{i}"
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            s, e = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
            name = loc.findtext("name") or ""
            if text[s:e] != name and text[s + 1:e + 1] == name:
                s, e = s + 1, e + 1
            tops.append({"start": s, "end": e, "text": text[s:e], "lat": float(loc.findtext("lat")),
                         "lon": float(loc.findtext("lon")), "geonameid": None})
        docs.append({"id": did, "text": text, "date": "2018-01-01"})
        gold.append({"id": did, "toponyms": tops})
    return docs, gold


def half(items, which):
    """dev = even-numbered documents, test = odd-numbered ones (a fixed split)."""
    if which == "all":
        return items
    return [x for i, x in enumerate(items) if (i % 2 == 0) == (which == "dev")]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="both", choices=["gwn", "geovirus", "both"])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(root), "shared"))
    ap.add_argument("--cmd", default=os.path.join(root, "target", "release", "tacitus") + " places --input")
    ap.add_argument("--half", default="all", choices=["dev", "test", "all"])
    args = ap.parse_args()
    gdir = os.path.join(args.shared, "gold", "geoparsing-gritta")
    if not os.path.isdir(gdir):
        print(f"SKIP: {gdir} absent", file=sys.stderr)
        return 0
    sets = ["gwn", "geovirus"] if args.set == "both" else [args.set]
    with tempfile.TemporaryDirectory() as tmp:
        for name in sets:
            docs, gold = gwn(os.path.join(gdir, "GWN.xml")) if name == "gwn" else geovirus(os.path.join(gdir, "GeoVirus.xml"))
            docs, gold = half(docs, args.half), half(gold, args.half)
            dp, gp, pp = (os.path.join(tmp, f"{name}.{k}.jsonl") for k in ("docs", "gold", "pred"))
            for p, rows in ((dp, docs), (gp, gold)):
                with open(p, "w", encoding="utf-8") as f:
                    for r in rows:
                        f.write(json.dumps(r, ensure_ascii=False) + "\n")
            with open(pp, "w", encoding="utf-8") as out:
                subprocess.run(shlex.split(args.cmd) + [dp], stdout=out, check=True)
            print(f"== {name} ({args.half}: {len(docs)} docs)")
            sys.stdout.flush()
            subprocess.run([sys.executable, os.path.join(args.shared, "eval", "score_geo.py"), "--gold", gp,
                            "--pred", pp], check=True)
            if os.environ.get("KEEP_GEO_EVAL"):
                import shutil
                for p in (dp, gp, pp):
                    shutil.copy(p, os.environ["KEEP_GEO_EVAL"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
