import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/lib/zip';

/** Reads every entry back through the central directory, as unzip and the stores do. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const body = archive.subarray(dataStart, dataStart + archive.readUInt32LE(local + 18));
    files.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    expect(files.get(name)!.length).toBe(size);
    at += 46 + nameLength;
  }
  return files;
}

describe('zip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}'.repeat(20)) },
    { name: 'assets/ünïcode.js', data: Buffer.from('console.log(1)') },
    { name: 'empty.txt', data: new Uint8Array(0) },
    { name: 'random.bin', data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251) },
  ];

  it('round-trips every entry', () => {
    const files = unzip(zip(entries));
    expect([...files.keys()].sort()).toEqual(entries.map((e) => e.name).sort());
    for (const entry of entries) expect(files.get(entry.name)!.equals(Buffer.from(entry.data))).toBe(true);
  });

  it('is byte-for-byte reproducible whatever the input order', () => {
    expect(zip(entries).equals(zip([...entries].reverse()))).toBe(true);
  });
});
