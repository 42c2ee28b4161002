#!/usr/bin/env node
// Builds resources/gazetteer/continents.tsv — the continent of every country of countries.json —
// from the pinned npm package countries-list (MIT; the seven-continent model: AF, AN, AS, EU, NA,
// OC, SA). Used by `streetlens-cli eval` for its results per continent.
//
//   cd tools/gazetteer && npm ci && node continents.mjs [outDir]
//
// Deterministic: rows follow countries.json's order.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, '../../resources/gazetteer'));
const { countries: byCode, continents } = require('countries-list');

const gazetteer = JSON.parse(fs.readFileSync(path.join(outDir, 'countries.json'), 'utf8'));
const rows = ['country\tcontinent\tcontinent_name'];
for (const c of gazetteer.countries) {
  const entry = byCode[c.a2];
  if (!entry || !continents[entry.continent]) throw new Error(`no continent for ${c.a2}`);
  rows.push(`${c.a2}\t${entry.continent}\t${continents[entry.continent]}`);
}
fs.writeFileSync(path.join(outDir, 'continents.tsv'), rows.join('\n') + '\n');
console.log(`continents.tsv: ${rows.length - 1} countries`);
