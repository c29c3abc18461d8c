// In-memory stand-ins for the browser APIs the background modules take as parameters.
import type { PageAnalysis } from '../../../model/types';
import { ContentMessage, type AnalyzeChunkPayload } from '../../../extension/messages';

/** A storage area with storage.session's get/set/remove semantics (values are copied). */
export class FakeArea {
  readonly data = new Map<string, unknown>();
  failSets = false;

  async get(key: string | null): Promise<Record<string, unknown>> {
    const entries = key === null ? [...this.data] : this.data.has(key) ? [[key, this.data.get(key)] as const] : [];
    return Object.fromEntries(entries.map(([k, v]) => [k, structuredClone(v)]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSets) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }

  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}

export function chunk(overrides: Partial<AnalyzeChunkPayload> = {}): AnalyzeChunkPayload {
  return { type: ContentMessage.AnalyzeChunk, scanId: 'scan-1', url: 'https://news.example/a', title: 'A title', kind: 'article', index: 0, count: 1, text: 'Some text.', ...overrides };
}

export function analysis(overrides: Partial<PageAnalysis> = {}): PageAnalysis {
  return {
    schema: 1,
    model: { name: 'unspin-classifier', version: 'test' },
    language: { code: 'en', supported: true, reliable: true },
    supported: true,
    risk: 40,
    level: 'some',
    sentenceCount: 3,
    truncated: false,
    categories: [],
    findings: [],
    ...overrides,
  };
}
