// npm run build:sources [-- --data DIR --out FILE]
// Merges the source lists in ../shared/data into model/artifacts/sources.json (see model/sources.ts).
// Keys are each list's own host (minus `www.`), kept with a path where the list rates only a
// section or a page on a shared host (`facebook.com/somepage`, `newyorker.com/humor`): widening
// those to the whole host would put one page's rating on everyone else's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyOf, pathSegments, siteOf, type ListKind, type SourceEntry, type SourceList, type SourcesJson } from '../model/sources';
import { DataFileError, readJsonl, stringArrayField, stringField, type JsonlRow } from './training/jsonl';
import { parseFlags } from './training/options';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Values = (string | number)[];

interface ListSpec extends SourceList {
  file: string;
  /** A newer list from the same source whose entry replaces this one's for the same key. */
  supersededBy?: string;
  read(row: JsonlRow): { domain: string; fallbackUrl?: string; values: Values };
}

const OPENSOURCES_TAGS = new Set(['fake', 'satire', 'bias', 'conspiracy', 'rumor', 'state', 'junksci', 'hate', 'clickbait', 'unreliable', 'political', 'reliable', 'blog']);
const FACTUALITY = new Set(['high', 'mixed', 'low']);
const BIAS = new Set(['extreme-left', 'left', 'left-center', 'center', 'right-center', 'right', 'extreme-right']);

function fail(row: JsonlRow, reason: string): never {
  throw new DataFileError(row.file, row.line, reason);
}

function readOpenSources(row: JsonlRow) {
  const tags = stringArrayField(row, 'tags');
  if (tags.length === 0) fail(row, '"tags" is empty');
  const unknown = tags.find((tag) => !OPENSOURCES_TAGS.has(tag));
  if (unknown !== undefined) fail(row, `unknown tag "${unknown}"`);
  return { domain: stringField(row, 'domain'), values: tags };
}

function readMbfc(row: JsonlRow) {
  const factuality = stringField(row, 'factuality');
  const bias = stringField(row, 'bias');
  if (!FACTUALITY.has(factuality)) fail(row, `unknown factuality "${factuality}"`);
  if (!BIAS.has(bias)) fail(row, `unknown bias "${bias}"`);
  return { domain: stringField(row, 'domain'), fallbackUrl: stringField(row, 'source_url'), values: [factuality, bias] };
}

function readLinScore(row: JsonlRow) {
  const score = row.value.quality_pc1;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) fail(row, '"quality_pc1" must be a number from 0 to 1');
  // Three decimals: differences below that are noise from the imputation, and it halves the file.
  return { domain: stringField(row, 'domain'), values: [Math.round(score * 1000) / 1000] };
}

const MBFC_LICENCE = 'none stated; labels are MBFC (mediabiasfactcheck.com) editorial content, research use';

export const LIST_SPECS: ListSpec[] = [
  { id: 'opensources-2017', name: 'OpenSources', date: '2017', kind: 'tags', licence: 'LGPL-3.0 (repository); advertised as CC BY 4.0; attribute OpenSources (Melissa Zimdars et al.)', url: 'https://github.com/BigMcLargeHuge/opensources', file: 'sources_opensources/sources.jsonl', read: readOpenSources },
  { id: 'mbfc-baly-emnlp18', name: 'MBFC via Baly et al.', date: '2018', kind: 'mbfc', licence: MBFC_LICENCE, url: 'https://github.com/ramybaly/News-Media-Reliability', file: 'sources_mbfc_baly/emnlp18.jsonl', supersededBy: 'mbfc-baly-acl2020', read: readMbfc },
  { id: 'mbfc-baly-acl2020', name: 'MBFC via Baly et al.', date: '2020', kind: 'mbfc', licence: MBFC_LICENCE, url: 'https://github.com/ramybaly/News-Media-Reliability', file: 'sources_mbfc_baly/acl2020.jsonl', read: readMbfc },
  { id: 'lin-2023', name: 'Lin et al.', date: '2023', kind: 'score', licence: 'no formal licence ("Feel free to reuse the data"); cite doi:10.1093/pnasnexus/pgad286', url: 'https://github.com/hauselin/domain-quality-ratings', file: 'sources_domain_quality_lin2023/domain_pc1.jsonl', read: readLinScore },
];

/** A list's domain text (maybe with a path, port or `www.`) as a table key, or why it cannot be one. */
export function listDomainKey(text: string): { key: string } | { unusable: string } {
  const compact = text.trim().toLowerCase().replace(/\s+/g, ''); // OpenSources has "silver-coin-investor. com"
  if (/[^\x21-\x7e]/.test(compact)) return { unusable: 'not an ASCII host name' };
  let url: URL;
  try {
    url = new URL(/^https?:\/\//.test(compact) ? compact : `http://${compact}`);
  } catch {
    return { unusable: 'not a host name' };
  }
  const site = siteOf(url.hostname);
  if (!site) return { unusable: 'an IP address or not under a public suffix' };
  const segments = pathSegments(url.pathname);
  if (/\.(s?html?|aspx?|php)$/.test(segments.at(-1) ?? '')) segments.pop(); // home.html, index.aspx: the home page, not a section
  return { key: keyOf(site.host, segments) };
}

/** The emnlp18 corpus flattened some URLs into the domain field ("itv.com-news"); its source_url still has them whole. */
function keyForRow(domain: string, fallbackUrl: string | undefined) {
  const key = listDomainKey(domain);
  if ('key' in key || fallbackUrl === undefined) return key;
  const fallback = listDomainKey(fallbackUrl);
  return 'key' in fallback && domain.startsWith(`${fallback.key.split('/')[0]}-`) ? fallback : key;
}

export interface ListSummary {
  id: string;
  rows: number;
  entries: number;
  superseded: number;
  skipped: string[];
  merged: string[];
}

interface Entry {
  values: Values;
  line: number;
  /** The list wrote the key itself, not a `www.` or `#fragment` variant of it. */
  verbatim: boolean;
}

interface ListEntries {
  entries: Map<string, Entry>;
  summary: ListSummary;
}

/** Two rows of one list naming the same site: tags add up; otherwise the row written as the key itself wins, then the earlier. */
function mergeDuplicate(kind: ListKind, earlier: Entry, later: Entry): Entry {
  if (kind === 'tags') return { ...earlier, values: [...new Set([...earlier.values, ...later.values])] };
  return later.verbatim && !earlier.verbatim ? later : earlier;
}

function readList(dataDir: string, spec: ListSpec): ListEntries {
  const entries = new Map<string, Entry>();
  const summary: ListSummary = { id: spec.id, rows: 0, entries: 0, superseded: 0, skipped: [], merged: [] };
  for (const row of readJsonl(join(dataDir, spec.file))) {
    summary.rows++;
    const { domain, fallbackUrl, values } = spec.read(row);
    const key = keyForRow(domain, fallbackUrl);
    if ('unusable' in key) {
      summary.skipped.push(`skipped ${row.file}:${row.line}: "${domain}" is ${key.unusable}`);
      continue;
    }
    const entry = { values, line: row.line, verbatim: domain === key.key };
    const earlier = entries.get(key.key);
    if (earlier) summary.merged.push(`${row.file}:${row.line}: "${domain}" merged with line ${earlier.line} as "${key.key}"`);
    entries.set(key.key, earlier ? mergeDuplicate(spec.kind, earlier, entry) : entry);
  }
  summary.entries = entries.size;
  return { entries, summary };
}

function dropSuperseded(lists: ListEntries[]): void {
  LIST_SPECS.forEach((spec, i) => {
    if (!spec.supersededBy) return;
    const newer = lists[LIST_SPECS.findIndex((other) => other.id === spec.supersededBy)];
    for (const key of [...lists[i].entries.keys()]) {
      if (newer.entries.has(key)) lists[i].entries.delete(key);
    }
    lists[i].summary.superseded = lists[i].summary.entries - lists[i].entries.size;
    lists[i].summary.entries = lists[i].entries.size;
  });
}

function merge(lists: ListEntries[]): Record<string, SourceEntry[]> {
  const byKey = new Map<string, SourceEntry[]>();
  lists.forEach(({ entries }, listIndex) => {
    for (const [key, { values }] of entries) {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push([listIndex, ...values]);
    }
  });
  const domains: Record<string, SourceEntry[]> = {};
  for (const key of [...byKey.keys()].sort()) domains[key] = byKey.get(key)!;
  return domains;
}

export function buildSources(dataDir: string): { json: SourcesJson; summaries: ListSummary[] } {
  const lists = LIST_SPECS.map((spec) => readList(dataDir, spec));
  dropSuperseded(lists);
  const json: SourcesJson = {
    lists: LIST_SPECS.map(({ id, name, date, licence, url, kind }) => ({ id, name, date, licence, url, kind })),
    domains: merge(lists),
  };
  return { json, summaries: lists.map((list) => list.summary) };
}

/** One list or domain per line, so a data update reads as a small diff. Keys arrive sorted. */
export function serialiseSources(json: SourcesJson): string {
  const lists = json.lists.map((list) => JSON.stringify(list)).join(',\n');
  const domains = Object.entries(json.domains).map(([key, entries]) => `${JSON.stringify(key)}:${JSON.stringify(entries)}`).join(',\n');
  return `{"lists":[\n${lists}\n],"domains":{\n${domains}\n}}\n`;
}

function main(): void {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = typeof flags.data === 'string' ? resolve(flags.data) : resolve(ROOT, '..', 'shared', 'data');
  const outFile = typeof flags.out === 'string' ? resolve(flags.out) : join(ROOT, 'model', 'artifacts', 'sources.json');
  const { json, summaries } = buildSources(dataDir);
  const text = serialiseSources(json);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  for (const s of summaries) {
    console.error(`${s.id}: ${s.rows} rows, ${s.entries} entries, ${s.superseded} superseded, ${s.skipped.length} skipped, ${s.merged.length} merged`);
    for (const why of [...s.skipped, ...s.merged]) console.error(`  ${why}`);
  }
  console.error(`${Object.keys(json.domains).length} keys, ${Buffer.byteLength(text)} bytes → ${outFile}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
}
