// `npm run build:sources` must be deterministic, name malformed rows by file:line, and match the
// committed model/artifacts/sources.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSources, listDomainKey } from '../../scripts/build-sources';

const ROOT = resolve(__dirname, '..', '..');
const DATA = resolve(ROOT, '..', 'shared', 'data');
const work = mkdtempSync(join(tmpdir(), 'unspin-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-sources.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

const jsonl = (rows: unknown[]) => rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n';

/** A tiny data directory with every list; `broken` replaces one file's rows. */
function fakeData(name: string, broken: Record<string, string> = {}): string {
  const dir = join(work, name);
  const files: Record<string, string> = {
    'sources_opensources/sources.jsonl': jsonl([
      { domain: 'fakenews.com', tags: ['fake', 'junksci'], notes: '' },
      { domain: 'www.fakenews.com/#articles', tags: ['hate'], notes: '' },
      { domain: '82.221.129.208', tags: ['fake'], notes: '' },
      { domain: 'newyorker.com/humor', tags: ['satire'], notes: '' },
    ]),
    'sources_mbfc_baly/emnlp18.jsonl': jsonl([
      { domain: 'itv.com-news', source_url: 'http://www.itv.com/news/', mbfc_page: '', factuality: 'high', bias: 'left-center' },
      { domain: 'cnn.com', source_url: 'http://www.cnn.com/', mbfc_page: '', factuality: 'high', bias: 'left' },
    ]),
    'sources_mbfc_baly/acl2020.jsonl': jsonl([{ domain: 'cnn.com', source_url: 'cnn.com', mbfc_page: '', factuality: 'mixed', bias: 'left' }]),
    'sources_domain_quality_lin2023/domain_pc1.jsonl': jsonl([
      { domain: 'News.Example.co.uk:8080/', quality_pc1: 0.9 },
      { domain: 'cnn.com', quality_pc1: 0.6823 },
    ]),
    ...broken,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('list domains as table keys', () => {
  it.each([
    ['WWW.Reuters.com', 'reuters.com'],
    ['reuters.com:8080/', 'reuters.com'],
    ['news.example.co.uk', 'news.example.co.uk'],
    ['facebook.com/SomePage', 'facebook.com/somepage'],
    ['centerforsecuritypolicy.org/#articles', 'centerforsecuritypolicy.org'],
    ['http://www.dailymail.co.uk/ushome/index.html', 'dailymail.co.uk/ushome'],
    ['silver-coin-investor. com', 'silver-coin-investor.com'],
    ['nhs.uk', 'nhs.uk'],
  ])('%s → %s', (text, key) => {
    expect(listDomainKey(text)).toEqual({ key });
  });

  it.each(['82.221.129.208', 'wvec–13newsnow.com', 'topinfopost.con', 'localhost', ''])('%s is unusable', (text) => {
    expect(listDomainKey(text)).toHaveProperty('unusable');
  });
});

describe('building the table', () => {
  it('merges the lists, preferring acl2020 over emnlp18 and merging a list’s duplicate rows', () => {
    const { json, summaries } = buildSources(fakeData('merge'));
    expect(json.lists.map((list) => list.id)).toEqual(['opensources-2017', 'mbfc-baly-emnlp18', 'mbfc-baly-acl2020', 'lin-2023']);
    expect(json.domains).toEqual({
      'cnn.com': [[2, 'mixed', 'left'], [3, 0.682]],
      'fakenews.com': [[0, 'fake', 'junksci', 'hate']],
      'itv.com/news': [[1, 'high', 'left-center']],
      'news.example.co.uk': [[3, 0.9]],
      'newyorker.com/humor': [[0, 'satire']],
    });
    expect(summaries[0].skipped[0]).toMatch(/sources\.jsonl:3: "82\.221\.129\.208"/);
    expect(summaries[1].superseded).toBe(1);
  });

  it('writes identical bytes every time', () => {
    const data = fakeData('twice');
    const first = build(['--data', data, '--out', join(work, 'a', 'sources.json')]);
    const second = build(['--data', data, '--out', join(work, 'b', 'sources.json')]);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(join(work, 'a', 'sources.json')).equals(readFileSync(join(work, 'b', 'sources.json')))).toBe(true);
  }, 120_000);

  it.each([
    ['sources_mbfc_baly/acl2020.jsonl', jsonl([{ domain: 'a.com', source_url: '', factuality: 'high', bias: 'left' }, '{"domain": "b.com", "factuality": ']), 2, 'not valid JSON'],
    ['sources_domain_quality_lin2023/domain_pc1.jsonl', jsonl([{ domain: 'a.com', quality_pc1: 0.5 }, { domain: 'b.com', quality_pc1: 1.5 }]), 2, '"quality_pc1" must be a number from 0 to 1'],
    ['sources_opensources/sources.jsonl', jsonl([{ domain: 'a.com', tags: ['fake news'] }]), 1, 'unknown tag "fake news"'],
  ])('names the file and line of a malformed row in %s and exits 2', (file, text, line, reason) => {
    const data = fakeData(`broken-${line}-${file.split('/')[0]}`, { [file]: text });
    const out = join(work, `broken-${file.split('/')[0]}`, 'sources.json');
    const result = build(['--data', data, '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${join(data, file)}:${line}: ${reason}`);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it.skipIf(!existsSync(DATA))('matches the committed model/artifacts/sources.json', () => {
    const out = join(work, 'fresh', 'sources.json');
    const result = build(['--data', DATA, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const committed = readFileSync(join(ROOT, 'model', 'artifacts', 'sources.json'));
    expect(readFileSync(out).equals(committed), 'run `npm run build:sources` and commit the result').toBe(true);
    expect(committed.length).toBeLessThan(1_000_000);
  }, 120_000);
});
