// @vitest-environment happy-dom
// The popup's export area: Markdown to the clipboard, Markdown and JSON files through <a download>,
// and the link to the history page.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../extension/popup/components/Popup';
import { EXTENSION_VERSION } from '../../../extension/popup/components/Export';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { EXPORT_STRINGS } from '../../../extension/history/strings';
import type { TabState } from '../../../extension/messages';

const SHA = 'a'.repeat(64);
const state: TabState = { ...MOCK_STATES.done, url: 'https://news.example/story', title: 'A [story](javascript:x)', textSha256: SHA, textLength: 1234, analysedAt: Date.UTC(2025, 4, 6) };

let root: HTMLElement;
let downloads: { name: string; blob: Blob }[];
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;

describe('popup export', () => {
  it('has the three export buttons on a finished analysis, and none while scanning', () => {
    render(<Popup state={state} />, root);
    for (const label of [EXPORT_STRINGS.copyMarkdown, EXPORT_STRINGS.downloadMarkdown, EXPORT_STRINGS.downloadJson]) expect(button(label)).toBeTruthy();
    render(<Popup state={{ status: 'scanning', highlights: true }} />, root);
    expect(root.querySelector('.export')).toBeNull();
  });

  it('downloads the JSON report with the tab’s address, title and text hash', async () => {
    render(<Popup state={state} />, root);
    button(EXPORT_STRINGS.downloadJson).click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toBe('unspin-report-news.example-2025-05-06.json');
    const json = JSON.parse(await downloads[0].blob.text());
    expect(json.analysis).toEqual(MOCK_ANALYSIS);
    expect(json.report).toMatchObject({ url: state.url, title: state.title, textSha256: SHA, textLength: 1234, analysedAt: '2025-05-06T00:00:00.000Z', generator: { via: 'extension', version: EXTENSION_VERSION } });
    await Promise.resolve();
    expect(root.querySelector('.export-status')!.textContent).toContain(downloads[0].name);
  });

  it('downloads and copies Markdown with the page text escaped', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Popup state={state} />, root);
    button(EXPORT_STRINGS.downloadMarkdown).click();
    const md = await downloads[0].blob.text();
    expect(downloads[0].name.endsWith('.md')).toBe(true);
    expect(md).toContain('A \\[story\\]\\(javascript:x\\)');
    expect(md).toContain(SHA);
    button(EXPORT_STRINGS.copyMarkdown).click();
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect((writeText.mock.calls[0] as unknown as [string])[0]).toContain(SHA);
    await vi.waitFor(() => expect(root.querySelector('.export-status')!.textContent).toBe(EXPORT_STRINGS.copied));
  });

  it('says so when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('denied')) }, configurable: true });
    render(<Popup state={state} />, root);
    button(EXPORT_STRINGS.copyMarkdown).click();
    await vi.waitFor(() => expect(root.querySelector('.export-status')!.textContent).toBe(EXPORT_STRINGS.copyFailed));
  });

  it('links to the history page', () => {
    render(<Popup state={state} />, root);
    const link = root.querySelector<HTMLAnchorElement>('a.history-link')!;
    expect(link.textContent).toBe(EXPORT_STRINGS.historyLink);
    expect(link.getAttribute('href')).toBe('../../extension/history/index.html');
  });
});
