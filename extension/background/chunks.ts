// Reassembles a page's text from its AnalyzeChunk messages. Memory is bounded: one pending scan
// per tab, few scans overall, a cap on buffered characters, and scans that stall are dropped.
import { LIMITS, ProtocolError, type AnalyzeChunkPayload, type PageKind } from '../messages';

export interface AssembledPage {
  tabId: number;
  scanId: string;
  url: string;
  title: string;
  kind: PageKind;
  text: string;
  /** Date.now() when the scan's first chunk arrived. */
  startedAt: number;
}

export interface AssemblerLimits {
  maxScans: number;
  maxChars: number;
  maxAgeMs: number;
}

export const DEFAULT_LIMITS: AssemblerLimits = {
  maxScans: 8,
  // Two of the largest scans the protocol allows.
  maxChars: 2 * LIMITS.chunks * LIMITS.chunkChars,
  maxAgeMs: 60_000,
};

interface PendingScan {
  page: Omit<AssembledPage, 'text'>;
  parts: (string | undefined)[];
  received: number;
  chars: number;
  touchedAt: number;
}

/** Closed (complete or cancelled) scans remembered, so a late chunk gets an error instead of starting over. */
const CLOSED_MEMORY = 64;

export class ChunkAssembler {
  private readonly scans = new Map<string, PendingScan>();
  private readonly closed = new Set<string>();

  constructor(private readonly limits: AssemblerLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /** The assembled page when this chunk completes its scan, else undefined. Throws ProtocolError. */
  add(tabId: number, chunk: AnalyzeChunkPayload): AssembledPage | undefined {
    this.dropStale();
    const key = `${tabId}:${chunk.scanId}`;
    if (this.closed.has(key)) throw new ProtocolError('scanId: this scan is closed (complete, or cancelled by a navigation or a stall); start a new one');
    const scan = this.scans.get(key) ?? this.start(key, tabId, chunk);
    checkSameScan(scan, chunk);
    if (scan.parts[chunk.index] !== undefined) throw new ProtocolError(`index: chunk ${chunk.index} already received`);
    scan.parts[chunk.index] = chunk.text;
    scan.received += 1;
    scan.chars += chunk.text.length;
    scan.touchedAt = this.now();
    this.enforceCharLimit(key);
    if (scan.received < scan.parts.length) return undefined;
    this.close(key);
    return { ...scan.page, text: scan.parts.join('') };
  }

  /** Forgets a tab's pending scans (tab closed or navigated). */
  dropTab(tabId: number): void {
    for (const [key, scan] of this.scans) if (scan.page.tabId === tabId) this.close(key);
  }

  get pendingScans(): number {
    return this.scans.size;
  }

  private start(key: string, tabId: number, chunk: AnalyzeChunkPayload): PendingScan {
    // A new scan of a tab supersedes the one before it (the page changed or was rescanned).
    this.dropTab(tabId);
    const { scanId, url, title, kind, count } = chunk;
    const scan: PendingScan = { page: { tabId, scanId, url, title, kind, startedAt: this.now() }, parts: new Array(count).fill(undefined), received: 0, chars: 0, touchedAt: this.now() };
    this.scans.set(key, scan);
    while (this.scans.size > this.limits.maxScans && this.dropOldest(key));
    return scan;
  }

  private dropStale(): void {
    const cutoff = this.now() - this.limits.maxAgeMs;
    for (const [key, scan] of this.scans) if (scan.touchedAt < cutoff) this.close(key);
  }

  private enforceCharLimit(current: string): void {
    const total = () => [...this.scans.values()].reduce((sum, s) => sum + s.chars, 0);
    while (total() > this.limits.maxChars && this.dropOldest(current));
    if (total() > this.limits.maxChars) {
      this.close(current);
      throw new ProtocolError('text: the page is larger than the extension can hold');
    }
  }

  /** False when there was nothing but `except` to drop. */
  private dropOldest(except: string): boolean {
    let oldest: [string, PendingScan] | undefined;
    for (const entry of this.scans) if (entry[0] !== except && (!oldest || entry[1].touchedAt < oldest[1].touchedAt)) oldest = entry;
    if (!oldest) return false;
    this.close(oldest[0]);
    return true;
  }

  private close(key: string): void {
    this.scans.delete(key);
    this.closed.add(key);
    // Sets iterate in insertion order: the first key is the oldest.
    if (this.closed.size > CLOSED_MEMORY) this.closed.delete(this.closed.values().next().value!);
  }
}

function checkSameScan(scan: PendingScan, chunk: AnalyzeChunkPayload): void {
  const { url, title, kind } = scan.page;
  if (chunk.count !== scan.parts.length) throw new ProtocolError('count: differs from the scan\'s first chunk');
  if (chunk.url !== url || chunk.title !== title || chunk.kind !== kind) throw new ProtocolError('url, title and kind: differ from the scan\'s first chunk');
}
