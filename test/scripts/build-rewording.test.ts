import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRewording, DEFAULT_DATA, DEFAULT_OUT, serializeRewording } from '../../scripts/build-rewording';

const work = mkdtempSync(join(tmpdir(), 'unspin-rewording-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dataDir(name: string, wnc: string[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'bias_wnc_sample'), { recursive: true });
  mkdirSync(join(dir, 'bias_babe_mbic'), { recursive: true });
  writeFileSync(join(dir, 'bias_wnc_sample', 'train.jsonl'), `${wnc.join('\n')}\n`);
  writeFileSync(join(dir, 'bias_babe_mbic', 'babe_sg2.jsonl'), `${[{ text: 'A stunning win.', biased_words: ['stunning', 'Shameless'] }, { text: 'Shameless.', biased_words: ['shameless'] }].map((r) => JSON.stringify(r)).join('\n')}\n`);
  return dir;
}
const pair = (biased: string, neutral: string) => JSON.stringify({ id: 'x', biased, neutral });

describe('buildRewording', () => {
  it('mines single-word edits, counts BABE words and lets the reviewed table win', () => {
    const dir = dataDir('good', [pair('the quaint actor', 'the actor'), pair('a quaint song', 'a song'), pair('he slammed it', 'he hit it'), pair('he slammed it', 'he hit it'), pair('his book', 'their book')]);
    const a = buildRewording(dir);
    expect(a.table.quaint).toBe('');
    expect(a.origin.quaint).toBe('m');
    expect(a.table.slammed).toBe('criticised');
    expect(a.origin.slammed).toBe('r');
    expect(a.table.his).toBeUndefined();
    expect(a.babe).toEqual({ shameless: 2 });
    expect(serializeRewording(buildRewording(dir))).toBe(serializeRewording(a));
  });
  it('mines only consistent edits, and ships verbs, kept terms and foreign keys', () => {
    const dir = dataDir('mixed', [pair('the nifty tool', 'the tool'), pair('a nifty tool', 'a tool'), pair('a nifty tool', 'a handy tool'), pair('a nifty tool', 'a useful tool'), pair('the zany act', 'the act'), pair('his zany act', 'his act'), pair('a zany act', 'a goofy act')]);
    const a = buildRewording(dir);
    // nifty: 2 of 4 edits agree (< 2/3): no rule. zany: 2 of 3 agree: a rule.
    expect(a.table.nifty).toBeUndefined();
    expect(a.table.zany).toBe('');
    expect(a.verbs!.slam).toEqual(['criticise', 'bsdg']);
    expect(a.keep).toContain('popular vote');
    expect(a.foreign).toContain('sogenannten');
    expect(a.foreign).not.toContain('slammed');
    expect(a.table['award-winning']).toBe('');
  });
  it('names the malformed row by file:line', () => {
    const dir = dataDir('bad', [pair('a b', 'a'), '{not json']);
    expect(() => buildRewording(dir)).toThrow(/train\.jsonl:2/);
    const dir2 = dataDir('bad2', [pair('a b', 'a'), JSON.stringify({ biased: 3, neutral: 'x' })]);
    expect(() => buildRewording(dir2)).toThrow(/train\.jsonl:2: "biased"/);
  });
  it('the committed artifact equals a fresh build and stays small', () => {
    const fresh = serializeRewording(buildRewording(resolve(DEFAULT_DATA)));
    expect(readFileSync(DEFAULT_OUT, 'utf8')).toBe(fresh);
    expect(Buffer.byteLength(fresh)).toBeLessThan(100_000);
  });
});
