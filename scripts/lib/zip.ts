// A minimal, reproducible zip writer (deflate, fixed timestamps, sorted entries) on node:zlib,
// enough for browser-store packages. No zip64: entries and archives stay under 4 GiB.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

// 1980-01-01 00:00, the earliest DOS date: the same files always give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

function header(fields: [number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((n, [, size]) => n + size, 0));
  let offset = 0;
  for (const [value, size] of fields) offset = size === 2 ? buffer.writeUInt16LE(value, offset) : buffer.writeUInt32LE(value, offset);
  return buffer;
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Already-compressed data (rare here) is stored rather than grown.
    const [method, body] = deflated.length < entry.data.length ? [8, deflated] : [0, Buffer.from(entry.data)];
    const crc = crc32(entry.data);
    const common: [number, 2 | 4][] = [[20, 2], [UTF8_FLAG, 2], [method, 2], [DOS_TIME, 2], [DOS_DATE, 2], [crc, 4], [body.length, 4], [entry.data.length, 4], [name.length, 2], [0, 2]];
    const local = Buffer.concat([header([[0x04034b50, 4], ...common]), name, body]);
    centrals.push(Buffer.concat([header([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header([[0x06054b50, 4], [0, 2], [0, 2], [centrals.length, 2], [centrals.length, 2], [directory.length, 4], [offset, 4], [0, 2]]);
  return Buffer.concat([...locals, directory, end]);
}
