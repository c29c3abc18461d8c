// scripts/build-claims.ts: the debunked-claims index, built from a fake data directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClaimIndex } from '../../model/claims';
import { buildClaims, countBySource, serializeClaims, truncate } from '../../scripts/build-claims';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'unspin-claims-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EUVS = { id: 'x', claim: 'NATO is preparing to attack Russia', label: 'disinformation', date: '2021-01-01', report_url: 'https://euvsdisinfo.eu/report/nato-attack/', countries: [], keywords: [], languages: ['Russian', 'Spanish', 'Castilian'], outlets: [] };
const AVERITEC = [
  { id: 'a0', claim: 'Sean Connery refused to appear in an Apple commercial.', label: 'Refuted', justification: `The letter was satire. ${'More detail follows here. '.repeat(30)}`, fact_checking_article: 'https://example.org/fc/connery' },
  { id: 'a1', claim: 'Water is wet.', label: 'Supported', justification: 'Yes.', fact_checking_article: 'https://example.org/fc/water' },
  { id: 'a2', claim: 'Crime doubled in a year.', label: 'Conflicting Evidence/Cherrypicking', justification: 'Only one city.', fact_checking_article: 'https://example.org/fc/crime' },
];
const liar = (id: number, text: string, label: string, justification?: string) => ({ id: `liar_${id}`, text, label, politifact_api_url: `https://www.politifact.com/api/v/2/statement/${id}/?format=json`, ...(justification ? { justification } : {}) });

function dataDir(name: string, overrides: { cases?: string[] } = {}): string {
  const dir = join(work, name);
  const write = (sub: string, file: string, lines: string[]) => {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, file), `${lines.join('\n')}\n`);
  };
  write('factcheck_euvsdisinfo_cases', 'cases.jsonl', overrides.cases ?? [JSON.stringify(EUVS), JSON.stringify({ ...EUVS, claim: 'nato is preparing to ATTACK Russia!', report_url: 'https://euvsdisinfo.eu/report/dup/' })]);
  write('factcheck_averitec', 'dev.jsonl', AVERITEC.map((r) => JSON.stringify(r)));
  write('factcheck_liar_politifact', 'valid.jsonl', [JSON.stringify(liar(1, 'Obama was sworn in on the Koran.', 'pants-fire', 'He used a Bible.'))]);
  write('factcheck_liar_politifact', 'train.jsonl', [
    JSON.stringify(liar(2, 'Says the group supports abortion on demand.', 'false')),
    JSON.stringify(liar(3, 'Unemployment is falling.', 'barely-true')),
    JSON.stringify(liar(4, 'On abortion.', 'false')),
    JSON.stringify(liar(5, 'Obama was sworn in on the Koran.', 'false')),
  ]);
  return dir;
}

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-claims.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

describe('buildClaims', () => {
  const artifact = buildClaims(dataDir('good'), 0.42);

  it('keeps only debunked claims, deduplicated, with normalised verdicts and corrections', () => {
    expect(countBySource(artifact)).toEqual({ AVeriTeC: 2, 'PolitiFact (LIAR)': 2, EUvsDisinfo: 1 });
    const byText = new Map(artifact.claims.map((c) => [c[0], c]));
    expect(artifact.verdicts[byText.get('Crime doubled in a year.')![1]]).toMatch(/^misleading/);
    expect(artifact.verdicts[byText.get('Obama was sworn in on the Koran.')![1]]).toBe('false (pants on fire)');
    expect(byText.get('Obama was sworn in on the Koran.')![5]).toBe('He used a Bible.');
    expect(byText.get('NATO is preparing to attack Russia')!.slice(3, 5)).toEqual(['nato-attack/', 'ru,es']);
    const correction = byText.get('Sean Connery refused to appear in an Apple commercial.')![5]!;
    expect(correction.length).toBeLessThanOrEqual(300);
    expect(correction).toMatch(/^The letter was satire\..*\.$/);
    expect(artifact.threshold).toBe(0.42);
  });

  it('produces an index that finds its claims', () => {
    const [[match]] = createClaimIndex(artifact).match(['NATO is preparing to attack Russia']);
    expect(match).toMatchObject({ verdict: 'disinformation (EUvsDisinfo)', url: 'https://euvsdisinfo.eu/report/nato-attack/', similarity: 1 });
  });

  it('is deterministic, through the CLI too', () => {
    expect(serializeClaims(buildClaims(dataDir('again'), 0.42))).toBe(serializeClaims(artifact));
    const out1 = join(work, 'one.json');
    const out2 = join(work, 'two.json');
    expect(cli(['--data', dataDir('cli'), '--out', out1, '--threshold', '0.42']).status).toBe(0);
    expect(cli(['--data', dataDir('cli'), '--out', out2]).status).toBe(0);
    expect(readFileSync(out1, 'utf8')).toBe(readFileSync(out2, 'utf8').replace('"threshold":0.5', '"threshold":0.42'));
    // Without --threshold, a rebuild keeps the calibrated threshold already in the file.
    expect(cli(['--data', dataDir('cli'), '--out', out1]).status).toBe(0);
    expect(JSON.parse(readFileSync(out1, 'utf8')).threshold).toBe(0.42);
  });

  it('names the file and line of a malformed row', () => {
    const bad = dataDir('bad-json', { cases: [JSON.stringify(EUVS), '{"claim": oops'] });
    expect(() => buildClaims(bad)).toThrow(/cases\.jsonl:2: not valid JSON/);
    const missing = dataDir('bad-field', { cases: [JSON.stringify({ ...EUVS, claim: 7 })] });
    expect(() => buildClaims(missing)).toThrow(/cases\.jsonl:1: "claim" must be a string/);
    const result = cli(['--data', bad, '--out', join(work, 'never.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/build-claims failed: .*cases\.jsonl:2:/);
  });
});

describe('truncate', () => {
  it('cuts at a sentence end, else at a word break with an ellipsis', () => {
    expect(truncate('Short.  Text ')).toBe('Short. Text');
    expect(truncate(`First sentence here. ${'word '.repeat(10)}`, 36)).toBe('First sentence here.');
    expect(truncate('word '.repeat(20), 30)).toMatch(/^(word ){5}word…$/);
  });
});
