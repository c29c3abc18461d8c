// @vitest-environment happy-dom
// extract.ts, article.ts, walk.ts, readable.ts: the page's main text, read from the live DOM.
import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../scripts/lib/article';
import { readArticle } from '../../../extension/content/article';
import { extractPage } from '../../../extension/content/extract';
import { NO_TEXT_REASON, unreadableReason } from '../../../extension/content/readable';
import { runToEnd } from '../../../extension/content/schedule';
import { buildTextMap } from '../../../extension/content/textmap';
import { walkPage, type PageWalk, type TextItem } from '../../../extension/content/walk';
import { extracted, fixture, instantSlicing, loadPage, withoutSpace } from './helpers';

const blocksOf = (text: string) => text.split('\n\n');
const textsOf = (walk: PageWalk) => walk.flow.filter((item): item is TextItem => item.kind === 'text');

describe('an article page', () => {
  it('reads the article and nothing around it: no navigation, sidebar, comments, form, footer, script or hidden text', async () => {
    const page = await extracted(loadPage(fixture('content/article-with-chrome.html')));
    expect(page.kind).toBe('article');
    const blocks = blocksOf(page.map.text);
    expect(blocks).toContain('The harbour bridge reopened to traffic on Monday morning after eleven weeks of repairs to its steel deck.');
    expect(blocks).toContain("Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city's transport office said.");
    expect(blocks).toContain('Commuters had faced detours of up to forty minutes while the bridge was closed, and local shops reported a drop in visitors.');
    expect(blocks).toContain('"We are relieved & grateful," said Maria Lopez, who runs a café near the northern ramp. "Business can finally get back to normal."');
    expect(blocks).toContain('A second phase of the project, covering the pedestrian walkways, is scheduled to begin in the spring.\nIt is expected to take six weeks.');
    for (const outside of ['Home', 'Local news', 'SIDEBAR', 'COMMENT', 'FORM', 'INPUT', 'Subscribe', 'FOOTER', 'SCRIPT', 'HIDDEN', 'color: red']) {
      expect(page.map.text).not.toContain(outside);
    }
  });

  it('sends the title Readability finds, and maps the headline when a heading shows it', async () => {
    const page = await extracted(loadPage(fixture('content/article-with-chrome.html')));
    expect(page.title).toBe('Harbour bridge reopens after repairs');
    expect(page.headline?.text).toBe('Harbour bridge reopens after repairs');
    expect(page.headline?.rangeOf(0, 7)?.toString()).toBe('Harbour');
  });

  it('reads what the scan CLI reads from the same page', async () => {
    for (const name of ['article.html', 'content/article-with-chrome.html']) {
      const page = await extracted(loadPage(fixture(name)));
      const cli = extractArticle(fixture(name));
      expect(page.kind, name).toBe('article');
      expect(page.title, name).toBe(cli.title);
      // The CLI reads a <br> as nothing, Unspin as a line break.
      for (const block of blocksOf(cli.text)) expect(withoutSpace(page.map.text), name).toContain(withoutSpace(block));
    }
  });

  it("traces Readability's output back to the page's text nodes by identity, never marking the page", () => {
    const document = loadPage(fixture('content/article-with-chrome.html'));
    const before = document.body.innerHTML;
    const walk = runToEnd(walkPage(document.body, { copy: true }));
    const article = readArticle(walk)!;
    const item = (text: string) => textsOf(walk).find((t) => t.node.data.includes(text))!;
    expect(article.has(item('eleven weeks of repairs'))).toBe(true);
    expect(article.has(item('forty-two'))).toBe(true); // inside a <b>
    expect(article.has(item('Local news'))).toBe(false);
    expect(article.has(item('COMMENT first'))).toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps the trace when Readability retries on its saved copy, through elements it replaces', () => {
    // Too little text for Readability's first attempt: it restores its copy and retries.
    const walk = runToEnd(walkPage(loadPage(fixture('feed.html')).body, { copy: true }));
    const article = readArticle(walk)!;
    const item = (text: string) => textsOf(walk).find((t) => t.node.data === text)!;
    // Readability wraps the text of <div class="body"> in a new <p> that replaces the <div>.
    expect(article.has(item('Our bakery opens at 7 tomorrow.'))).toBe(true);
    expect(article.has(item('Log in'))).toBe(false);
  });

  it('keeps the trace when Readability renames a heading and drops the byline', () => {
    const walk = runToEnd(walkPage(loadPage(fixture('article.html')).body, { copy: true }));
    const article = readArticle(walk)!;
    const texts = textsOf(walk).filter((item) => article.has(item)).map((item) => item.node.data);
    expect(texts).toContain("You Won't Believe What The Council Just Did To Your Taxes");
    expect(texts).not.toContain('By Staff Reporter');
  });

  it('gives up on an article (reading by blocks) if the output cannot be traced', () => {
    const walk = runToEnd(walkPage(loadPage(fixture('article.html')).body, { copy: true }));
    walk.sources.clear();
    expect(readArticle(walk)).toBeNull();
  });
});

describe('a page without an article', () => {
  it('reads every post of a feed', async () => {
    const page = await extracted(loadPage(fixture('feed.html')));
    for (const post of ['Lovely sunset at the harbour tonight.', 'Our bakery opens at 7 tomorrow.', 'Lost cat near the park, grey and white.', 'Bus 12 is running late this morning.', 'These crooks in city hall are robbing us blind!']) {
      expect(blocksOf(page.map.text)).toContain(post);
    }
    expect(page.map.text).not.toContain('Log in');
    expect(page.map.text).not.toContain('©');
  });

  it('reads every thread of a forum board, by blocks', async () => {
    const page = await extracted(loadPage(fixture('content/forum.html')));
    for (const text of ['Street party on Saturday', 'Every single morning the same van blocks the crossing.', 'These clowns never listen to anyone!', 'Needs tuning, you collect.']) {
      expect(page.map.text).toContain(text);
    }
    expect(page.map.text).not.toContain('Log in');
  });

  it('reads every headline of a list of links', async () => {
    const page = await extracted(loadPage(fixture('headline-list.html')));
    expect(blocksOf(page.map.text)).toHaveLength(5);
    expect(page.map.text).toContain('Harbour festival returns after two years');
  });

  it('falls back to blocks when Readability keeps a small share of the page', async () => {
    // Readability drops a comment section as an unlikely candidate; here it is most of the page.
    const posts = Array.from({ length: 60 }, (_, i) => `<li class="comment"><p>Post number ${i} says the weather was fine, the market was busy, and the bus was late.</p></li>`).join('');
    const html = `<body><article><p>${'A short article paragraph that Readability likes a lot, with commas, and more commas, and words. '.repeat(8)}</p></article><ul class="comments">${posts}</ul></body>`;
    const page = await extracted(loadPage(html));
    expect(page.kind).toBe('feed');
    expect(page.map.text).toContain('Post number 39 says');
  });
});

describe('what is never read', () => {
  it('skips contenteditable regions, textareas, inputs, selects and ARIA text boxes', async () => {
    const page = await extracted(loadPage(fixture('content/editor.html')));
    expect(page.map.text).toContain('Main Street will be closed between the station and the market square');
    expect(page.map.text).toContain('The market will open as usual on Saturday'); // contenteditable="false" is read
    for (const typed of ['EDITOR', 'INLINE EDITABLE', 'TEXTAREA', 'INPUT', 'SELECT', 'ROLE TEXTBOX']) expect(page.map.text).not.toContain(typed);
  });

  it('skips elements hidden by the hidden attribute or by style', async () => {
    const html = `<body><article><p>${'Visible text of the article that anyone can read on the page. '.repeat(8)}</p><p style="display:none">NONE hidden</p><p style="visibility:hidden">INVISIBLE hidden</p><p hidden>ATTRIBUTE hidden</p></article></body>`;
    const page = await extracted(loadPage(html));
    expect(page.map.text).toContain('Visible text');
    for (const hidden of ['NONE', 'INVISIBLE', 'ATTRIBUTE']) expect(page.map.text).not.toContain(hidden);
  });
});

describe('pages Unspin cannot read', () => {
  it.each([
    ['file:///home/me/notes.html', 'file:'],
    ['about:blank', 'about:'],
    ['chrome-extension://abc/page.html', 'chrome-extension:'],
  ])('%s is not a web page', async (url, protocol) => {
    const result = await extractPage(loadPage('<body><p>Some text here.</p></body>', url), instantSlicing());
    expect(result).toEqual({ readable: false, reason: expect.stringContaining(protocol) });
  });

  it("recognises the browser's PDF viewer", () => {
    const viewer = loadPage('<body style="margin:0"><embed name="plugin" src="about:blank" type="application/pdf"></body>', 'https://example.com/report.pdf');
    expect(unreadableReason(viewer)).toMatch(/PDF/);
    const window = new Window({ url: 'https://example.com/file.pdf' });
    Object.defineProperty(window.document, 'contentType', { value: 'application/pdf' });
    expect(unreadableReason(window.document as unknown as Document)).toMatch(/PDF/);
    // A page that merely embeds a PDF among its text is read.
    expect(unreadableReason(loadPage('<body><p>See the report:</p><embed type="application/pdf" src="r.pdf"></body>'))).toBeNull();
  });

  it('does not read a page open for editing (designMode)', () => {
    const document = loadPage('<body><p>My own notes.</p></body>');
    Object.defineProperty(document, 'designMode', { value: 'on' });
    expect(unreadableReason(document)).toMatch(/editing/);
  });

  it.each([
    ['an empty page', '<body></body>'],
    ['only an image', '<body><img src="cat.png" alt="A cat"></body>'],
    ['only punctuation and form controls', '<body><p>— · —</p><textarea>Typed words</textarea></body>'],
  ])('%s has no text', async (_name, html) => {
    expect(await extractPage(loadPage(html), instantSlicing())).toEqual({ readable: false, reason: NO_TEXT_REASON });
  });
});

// Random "div soup": the structures Readability rewrites (loose text in <div>s and <section>s,
// nested <div>s, <br> chains, text straight in <body>) among paragraphs and lists.
const sentence = fc.constantFrom(
  'The council met on Tuesday, and it voted, after a long debate, to keep the library open.',
  'Residents said the bus was late again, and again, and again.',
  'Short line.',
  'Prices rose by four percent, the office said, which surprised nobody at all in the town.',
);
const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    sentence,
    sentence.map((s) => `${s}<br><br>`),
    fc.tuple(fc.constantFrom('div', 'section', 'p', 'span', 'b', 'li', 'h2', 'blockquote', 'ul'), fc.constantFrom('', ' class="content"', ' class="comment"', ' id="main"'), fc.array(tie('node'), { maxLength: 4 })).map(
      ([tag, attributes, children]) => `<${tag}${attributes}>${children.join(' ')}</${tag}>`,
    ),
  ),
})).node;

describe('tracing Readability, on random pages', () => {
  it("keeps exactly the text of Readability's own output, retries included", () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 6 }), (parts) => {
        const document = loadPage(`<body>${parts.join('\n')}</body>`);
        // Readability left to itself, on a plain copy it may re-parse.
        const own = new Readability<Node>(runToEnd(walkPage(document.body, { copy: true })).copy!, { serializer: (n) => n, disableJSONLD: true }).parse();
        const walk = runToEnd(walkPage(document.body, { copy: true }));
        const article = readArticle(walk);
        const text = article ? runToEnd(buildTextMap(walk.flow, (item) => item.blank || article.has(item))).text : '';
        expect(withoutSpace(text)).toBe(withoutSpace(own?.content?.textContent ?? ''));
      }),
      { numRuns: 150 },
    );
  });
});
