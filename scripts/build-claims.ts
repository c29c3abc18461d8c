// npm run -s build:claims [-- --data DIR --out FILE --threshold X]
// Builds model/artifacts/claims.json, the index of debunked claims for "Known false claims", from
// EUvsDisinfo cases, AVeriTeC (dev) and LIAR/PolitiFact. Deterministic: same data, same bytes.
// The threshold is kept from the existing artifact (scripts/evaluate-claims.ts calibrates it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimWords, type ClaimsArtifact, type ClaimSource, type ClaimTuple } from '../model/claims';
import { DataFileError, optionalString, readJsonl, stringArrayField, stringField, type JsonlRow } from './training/jsonl';
import { parseFlags } from './training/options';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'model', 'artifacts', 'claims.json');
/** Used until evaluate-claims has calibrated one. */
export const DEFAULT_THRESHOLD = 0.5;
/** Corrections are cut near this length, at a sentence end where possible. */
const MAX_CORRECTION_CHARS = 300;

const EUVSDISINFO = 0;
const AVERITEC = 1;
const POLITIFACT = 2;

export const SOURCES: ClaimSource[] = [
  { name: 'EUvsDisinfo', licence: 'EUvsDisinfo/EEAS content, reuse with acknowledgement; scraped by cknabs/EUvsDisinfo (no licence stated)', citation: 'EUvsDisinfo database, https://euvsdisinfo.eu/disinformation-cases/', urlPrefix: 'https://euvsdisinfo.eu/report/' },
  { name: 'AVeriTeC', licence: 'CC BY-NC 4.0 (non-commercial)', citation: 'Schlichtkrull, Guo, Vlachos. AVeriTeC. NeurIPS 2023 Datasets & Benchmarks', urlPrefix: '' },
  { name: 'PolitiFact (LIAR)', licence: 'CC0 1.0 per LIAR-PLUS repository, "research purposes only" per its README; statements are PolitiFact content', citation: 'Wang, ACL 2017; Alhindi et al., FEVER 2018', urlPrefix: 'https://www.politifact.com/api/v/2/statement/' },
];

// AVeriTeC "Supported" and "Not Enough Evidence" are not debunked. LIAR "barely-true" and milder
// ratings are left out: PolitiFact says they hold an element of truth, so "known false" would overstate.
export const VERDICTS = ['false', 'false (pants on fire)', 'misleading (cherry-picked or conflicting evidence)', 'disinformation (EUvsDisinfo)'];
const AVERITEC_VERDICTS: Record<string, number> = { Refuted: 0, 'Conflicting Evidence/Cherrypicking': 2 };
const LIAR_VERDICTS: Record<string, number> = { false: 0, 'pants-fire': 1 };
const EUVSDISINFO_VERDICT = 3;
// PolitiFact Flip-O-Meter rulings ("On abortion.") name a topic, not a claim a page could repeat.
const FLIP_O_METER_TOPIC = /^On [^,]*$/;

const LANGUAGE_CODES: Record<string, string> = {
  Russian: 'ru', English: 'en', Czech: 'cs', Arabic: 'ar', Georgian: 'ka', German: 'de', Polish: 'pl', Italian: 'it', Spanish: 'es', Castilian: 'es', French: 'fr',
  Hungarian: 'hu', Armenian: 'hy', Romanian: 'ro', Serbian: 'sr', Slovak: 'sk', Bulgarian: 'bg', Lithuanian: 'lt', Greek: 'el', Belarusian: 'be', Azerbaijani: 'az',
  Ukrainian: 'uk', Estonian: 'et', Bosnian: 'bs', Swedish: 'sv', Finnish: 'fi', Latvian: 'lv', Macedonian: 'mk', Croatian: 'hr', 'Português (Brazil)': 'pt', Montenegrin: 'cnr', Norwegian: 'no',
};

/** Cut at the last sentence end (else word break) before `max` characters. */
export function truncate(text: string, max = MAX_CORRECTION_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd > max / 2) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > max / 2 ? space : max).replace(/[\s,;:]+$/, '')}…`;
}

function claimText(row: JsonlRow, key: string): string {
  const text = stringField(row, key).replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) throw new DataFileError(row.file, row.line, `"${key}" has no words`);
  return text;
}

function suffixAfter(row: JsonlRow, key: string, prefix: string): string {
  const url = stringField(row, key);
  if (!url.startsWith(prefix)) throw new DataFileError(row.file, row.line, `"${key}" must start with ${prefix}`);
  return url.slice(prefix.length);
}

function euvsdisinfoClaims(dataDir: string): ClaimTuple[] {
  return readJsonl(join(dataDir, 'factcheck_euvsdisinfo_cases', 'cases.jsonl')).map((row) => {
    const languages = [...new Set(stringArrayField(row, 'languages').map((name) => LANGUAGE_CODES[name] ?? name.toLowerCase()))];
    return [claimText(row, 'claim'), EUVSDISINFO_VERDICT, EUVSDISINFO, suffixAfter(row, 'report_url', SOURCES[EUVSDISINFO].urlPrefix), languages.join(',')];
  });
}

function withCorrection(tuple: ClaimTuple, correction: string | undefined): ClaimTuple {
  const text = correction ? truncate(correction) : '';
  return text ? [tuple[0], tuple[1], tuple[2], tuple[3], tuple[4], text] : tuple;
}

function averitecClaims(dataDir: string): ClaimTuple[] {
  return readJsonl(join(dataDir, 'factcheck_averitec', 'dev.jsonl')).flatMap((row): ClaimTuple[] => {
    const verdict = AVERITEC_VERDICTS[stringField(row, 'label')];
    if (verdict === undefined) return [];
    const url = stringField(row, 'fact_checking_article');
    if (!/^https?:\/\//.test(url)) throw new DataFileError(row.file, row.line, '"fact_checking_article" must be an http(s) URL');
    return [withCorrection([claimText(row, 'claim'), verdict, AVERITEC, url, ''], optionalString(row, 'justification'))];
  });
}

function liarClaims(dataDir: string, file: string): ClaimTuple[] {
  return readJsonl(join(dataDir, 'factcheck_liar_politifact', file)).flatMap((row): ClaimTuple[] => {
    const verdict = LIAR_VERDICTS[stringField(row, 'label')];
    if (verdict === undefined || FLIP_O_METER_TOPIC.test(stringField(row, 'text'))) return [];
    const suffix = suffixAfter(row, 'politifact_api_url', SOURCES[POLITIFACT].urlPrefix);
    return [withCorrection([claimText(row, 'text'), verdict, POLITIFACT, suffix, ''], optionalString(row, 'justification'))];
  });
}

/** Same words in the same order, ignoring case and punctuation. */
function dedupeKey(text: string): string {
  return claimWords(text).join(' ');
}

/** The first of each duplicate wins: sources with corrections come first. */
function dedupe(claims: ClaimTuple[]): ClaimTuple[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = dedupeKey(claim[0]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildClaims(dataDir: string, threshold = DEFAULT_THRESHOLD): ClaimsArtifact {
  const claims = dedupe([...averitecClaims(dataDir), ...liarClaims(dataDir, 'valid.jsonl'), ...liarClaims(dataDir, 'train.jsonl'), ...euvsdisinfoClaims(dataDir)]);
  return { version: 1, threshold, language: 'en', verdicts: VERDICTS, sources: SOURCES, claims };
}

/** One claim per line: compact, yet readable in a diff. */
export function serializeClaims(artifact: ClaimsArtifact): string {
  const { claims, ...head } = artifact;
  const header = JSON.stringify(head).slice(0, -1);
  return `${header},"claims":[\n${claims.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
}

export function countBySource(artifact: ClaimsArtifact): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const claim of artifact.claims) {
    const name = artifact.sources[claim[2]].name;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

function existingThreshold(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const threshold = (JSON.parse(readFileSync(file, 'utf8')) as Partial<ClaimsArtifact>).threshold;
  return typeof threshold === 'number' ? threshold : undefined;
}

function main(): void {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : join(ROOT, '..', 'shared', 'data'));
  const out = resolve(typeof flags.out === 'string' ? flags.out : DEFAULT_OUT);
  const threshold = typeof flags.threshold === 'string' ? Number(flags.threshold) : (existingThreshold(out) ?? DEFAULT_THRESHOLD);
  if (!Number.isFinite(threshold)) throw new Error('--threshold must be a number');
  const artifact = buildClaims(dataDir, threshold);
  const text = serializeClaims(artifact);
  writeFileSync(out, text);
  process.stdout.write(`${JSON.stringify({ out, claims: artifact.claims.length, by_source: countBySource(artifact), bytes: Buffer.byteLength(text), threshold })}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`build-claims failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
