// @vitest-environment happy-dom
// Pages that are odd or hostile: none of them breaks the content script or gets it to mark or
// read what it must not. (Prototype overrides by page scripts can't be simulated here: content
// scripts run in an isolated world where the page's prototypes and expandos are not seen.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import { ContentMessage, type AnalyzeChunkPayload, type ContentRequest } from '../../../extension/messages';
import { analysisWith, extracted, findingOn, instantSlicing, loadPage, mapOf, withoutSpace } from './helpers';
import { segmentSentences } from '../../../model/text';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

afterEach(() => vi.restoreAllMocks());

describe('odd pages', () => {
  it('walks and maps a tree nested 20,000 elements deep (no recursion)', () => {
    const document = loadPage('<body></body>');
    // happy-dom computes visibility by walking up the tree: quadratic here, unlike a browser.
    const ElementClass = (document.defaultView as unknown as { Element: typeof Element }).Element;
    vi.spyOn(ElementClass.prototype, 'checkVisibility').mockReturnValue(true);
    let parent: Element = document.body;
    for (let i = 0; i < 20_000; i++) parent = parent.appendChild(document.createElement(i % 2 ? 'div' : 'span'));
    parent.append('Deep text, far down the tree.');
    const map = mapOf(document.body);
    expect(map.text).toBe('Deep text, far down the tree.');
    expect(map.rangeOf(0, 4)!.toString()).toBe('Deep');
  });

  it('maps text from one enormous word and from thousands of tiny text nodes', async () => {
    const huge = 'x'.repeat(200_000);
    const tiny = Array.from({ length: 5000 }, (_, i) => `<span>w${i} </span>`).join('');
    const page = await extracted(loadPage(`<body><p>${huge}</p><p>${tiny}</p></body>`));
    expect(page.map.rangeOf(0, huge.length)!.toString()).toBe(huge);
    const start = page.map.text.indexOf('w4000');
    expect(page.map.rangeOf(start, start + 11)!.toString()).toBe('w4000 w4001');
  });

  it('keeps markup-like, bidirectional and invisible characters as plain text', async () => {
    const tricky = '&lt;script&gt;alert(1)&lt;/script&gt; \u202Eevil\u202C \u200Bzero\u00ADwidth.';
    const page = await extracted(loadPage(`<body><p>${'Context sentence for the page. '.repeat(20)}</p><p>${tricky}</p></body>`));
    const sentence = segmentSentences(page.map.text).find((s) => s.text.includes('alert'))!;
    expect(withoutSpace(page.map.rangeOf(sentence.start, sentence.end)!.toString())).toBe(withoutSpace(sentence.text));
    expect(sentence.text).toContain('<script>alert(1)</script>');
  });

  it('reads nothing of a page that is one big editor', async () => {
    const result = await (await import('../../../extension/content/extract')).extractPage(loadPage('<body contenteditable="true"><p>My private draft, typed here.</p></body>'), instantSlicing());
    expect(result.readable).toBe(false);
  });
});

describe('a page working against the script', () => {
  it('gets its UI host back after removing it, and cannot reach into it', async () => {
    const document = loadPage(`<body><p>${'The council wasted money again. '.repeat(20)}</p></body>`);
    const sent: ContentRequest[] = [];
    const send = vi.fn(async (message: ContentRequest) => {
      sent.push(message);
      const chunk = message as AnalyzeChunkPayload;
      return { ok: true, value: message.type === ContentMessage.AnalyzeChunk ? analysisWith([findingOn(chunk.text, 'The council wasted money again.')]) : null };
    });
    const script = new ContentScript({ document, send, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: false });
    await script.scan();
    const [located] = script.highlights.findings;
    const RangeClass = (document.defaultView as unknown as { Range: typeof Range }).Range;
    vi.spyOn(RangeClass.prototype, 'getClientRects').mockReturnValue([{ left: 0, top: 10, right: 300, bottom: 30, width: 300, height: 20 }] as unknown as DOMRectList);
    script.card.show(located, located.range, { focus: false });
    const host = Array.from(document.documentElement.children).find((element) => element.localName === 'div')!;
    expect(host.shadowRoot).toBeNull();
    host.remove(); // the page tears our element out
    script.card.hide();
    script.card.show(located, located.range, { focus: false });
    expect(host.isConnected).toBe(true);
    script.stop();
  });
});
