import { describe, expect, it } from 'vitest';
import { ChunkAssembler, DEFAULT_LIMITS } from '../../../extension/background/chunks';
import { ProtocolError } from '../../../extension/messages';
import { chunk } from './fakes';

describe('ChunkAssembler', () => {
  it('assembles chunks in any order and returns the page with the last one', () => {
    const assembler = new ChunkAssembler();
    expect(assembler.add(1, chunk({ index: 2, count: 3, text: 'c' }))).toBeUndefined();
    expect(assembler.add(1, chunk({ index: 0, count: 3, text: 'a' }))).toBeUndefined();
    const page = assembler.add(1, chunk({ index: 1, count: 3, text: 'b' }));
    expect(page).toMatchObject({ tabId: 1, scanId: 'scan-1', text: 'abc', title: 'A title', kind: 'article' });
    expect(assembler.pendingScans).toBe(0);
  });

  it('keeps scans of different tabs apart, even with the same scan id', () => {
    const assembler = new ChunkAssembler();
    assembler.add(1, chunk({ index: 0, count: 2, text: 'one ' }));
    assembler.add(2, chunk({ index: 0, count: 2, text: 'two ' }));
    expect(assembler.add(2, chunk({ index: 1, count: 2, text: 'B' }))?.text).toBe('two B');
    expect(assembler.add(1, chunk({ index: 1, count: 2, text: 'A' }))?.text).toBe('one A');
  });

  it('refuses chunks that contradict their scan', () => {
    const assembler = new ChunkAssembler();
    assembler.add(1, chunk({ index: 0, count: 3 }));
    expect(() => assembler.add(1, chunk({ index: 0, count: 3 }))).toThrow(ProtocolError);
    expect(() => assembler.add(1, chunk({ index: 1, count: 4 }))).toThrow(/count/);
    expect(() => assembler.add(1, chunk({ index: 1, count: 3, url: 'https://elsewhere.example/' }))).toThrow(/url/);
  });

  it('lets a new scan of a tab supersede the old one, whose late chunks are refused', () => {
    const assembler = new ChunkAssembler();
    assembler.add(1, chunk({ scanId: 'old', index: 0, count: 2 }));
    expect(assembler.add(1, chunk({ scanId: 'new', text: 'fresh' }))?.text).toBe('fresh');
    expect(() => assembler.add(1, chunk({ scanId: 'old', index: 1, count: 2 }))).toThrow(/closed/);
    expect(() => assembler.add(1, chunk({ scanId: 'new' }))).toThrow(/closed/);
  });

  it('drops scans that stall', () => {
    let now = 0;
    const assembler = new ChunkAssembler(DEFAULT_LIMITS, () => now);
    assembler.add(1, chunk({ index: 0, count: 2 }));
    now += DEFAULT_LIMITS.maxAgeMs + 1;
    assembler.add(2, chunk({ scanId: 'other', index: 0, count: 2 }));
    expect(assembler.pendingScans).toBe(1);
    expect(() => assembler.add(1, chunk({ index: 1, count: 2 }))).toThrow(/closed/);
  });

  it('bounds the number of pending scans', () => {
    let now = 0;
    const assembler = new ChunkAssembler({ ...DEFAULT_LIMITS, maxScans: 2 }, () => now++);
    for (const tab of [1, 2, 3]) assembler.add(tab, chunk({ index: 0, count: 2 }));
    expect(assembler.pendingScans).toBe(2);
    expect(() => assembler.add(1, chunk({ index: 1, count: 2 }))).toThrow(/closed/);
  });

  it('bounds the characters held: older scans go first, a scan alone over the cap is refused', () => {
    let now = 0;
    const assembler = new ChunkAssembler({ ...DEFAULT_LIMITS, maxChars: 10 }, () => now++);
    assembler.add(1, chunk({ index: 0, count: 2, text: 'abc' }));
    assembler.add(2, chunk({ index: 0, count: 2, text: 'abc' }));
    assembler.add(3, chunk({ index: 0, count: 2, text: '12345678' }));
    expect(() => assembler.add(2, chunk({ index: 1, count: 2 }))).toThrow(/closed/);
    expect(() => assembler.add(1, chunk({ index: 1, count: 2 }))).toThrow(/closed/);
    expect(assembler.pendingScans).toBe(1);
    expect(() => assembler.add(4, chunk({ index: 0, count: 2, text: '12345678901' }))).toThrow(/larger/);
    expect(assembler.pendingScans).toBe(0);
  });

  it('forgets a tab on request', () => {
    const assembler = new ChunkAssembler();
    assembler.add(1, chunk({ index: 0, count: 2 }));
    assembler.dropTab(1);
    expect(assembler.pendingScans).toBe(0);
  });
});
