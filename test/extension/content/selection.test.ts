// @vitest-environment happy-dom
// content/selection.ts: reading the selection for the keyboard command, and the card that shows a
// checked selection's result next to it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import type { UiHost } from '../../../extension/content/host';
import { readSelection, renderSelectionCard, SelectionCard, selectionRect } from '../../../extension/content/selection';
import { BackgroundMessage, LIMITS } from '../../../extension/messages';
import { describeLabel } from '../../../extension/ui/labels';
import { SELECTION_STRINGS, selectionView } from '../../../extension/ui/selection';
import { STRINGS } from '../../../extension/ui/strings';
import { analysisWith, findingOn, loadPage, stubRects } from './helpers';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const HOSTILE = 'They said <img src=x onerror=alert(1)> about the <script>alert(2)</script> vermin.';
const LOADED = 'The mayor slammed the disastrous so-called plan.';

function page(html = `<p id="a">${LOADED} The council met on Tuesday.</p><textarea id="t">I am writing a furious reply.</textarea>`): Document {
  return loadPage(`<!doctype html><title>T</title><body>${html}</body>`);
}

function openHost(document: Document): UiHost {
  const cards = document.createElement('div');
  document.body.append(cards);
  return { element: cards, overlay: cards, cards, attach: () => undefined, remove: () => undefined };
}

function select(document: Document, node: Node, start: number, end: number): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

const trustedKey = (key: string) => Object.defineProperty(new KeyboardEvent('keydown', { key, bubbles: true }), 'isTrusted', { value: true });

afterEach(() => vi.restoreAllMocks());

describe('readSelection', () => {
  it('reads the page selection, and a text field\'s, capped at LIMITS.textChars', () => {
    const document = page();
    expect(readSelection(document)).toBe('');
    const text = document.getElementById('a')!.firstChild!;
    select(document, text, 0, LOADED.length);
    expect(readSelection(document)).toBe(LOADED);
    const area = document.getElementById('t') as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(5, 12);
    expect(readSelection(document)).toBe('writing');
    area.value = 'x'.repeat(LIMITS.textChars + 50);
    area.setSelectionRange(0, area.value.length);
    expect(readSelection(document)).toHaveLength(LIMITS.textChars);
  });

  it('never reads a password field', () => {
    const document = page('<input id="p" type="password" value="hunter22">');
    const input = document.getElementById('p') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(0, 8);
    expect(readSelection(document)).toBe('');
  });
});

describe('the selection card', () => {
  it('shows the strongest findings (at most 3) with name, what, ask and the rewording diff', () => {
    const document = page();
    const text = `${LOADED} Two. Three. Four.`;
    const loaded = findingOn(text, LOADED, { severity: 0.9, suggestion: { question: 'q', restatement: 'r', rewording: { text: 'The mayor criticised the plan.', changes: [{ start: 10, end: 17, from: 'slammed', to: 'criticised' }] } } } as never);
    const others = ['Two.', 'Three.', 'Four.'].map((s, i) => findingOn(text, s, { label: 'Name_Calling-Labeling', severity: 0.1 * (i + 1) }));
    const view = selectionView({ analysis: analysisWith([others[0], loaded, others[1], others[2]]) });
    const card = renderSelectionCard(document, view, () => undefined);
    expect(card.textContent).toContain(SELECTION_STRINGS.heading);
    const blocks = [...card.querySelectorAll('.unspin-selection-finding')];
    expect(blocks).toHaveLength(3);
    expect(blocks[0].textContent).toContain(describeLabel('Loaded_Language').name);
    expect(blocks[0].textContent).toContain(describeLabel('Loaded_Language').what);
    expect(blocks[0].textContent).toContain(describeLabel('Loaded_Language').ask);
    expect(blocks[0].querySelector('del')!.textContent).toBe('slammed');
    expect(blocks[0].querySelector('ins')!.textContent).toBe('criticised');
    expect(blocks[0].textContent).toContain(STRINGS.suggestedWording);
    // The weakest is left for the popup.
    expect(card.textContent).toContain(SELECTION_STRINGS.more(1));
    expect(card.textContent).not.toContain('“Two.”');
  });

  it('says "Nothing manipulative found" when there are no findings, and shows messages as they are', () => {
    const document = page();
    expect(renderSelectionCard(document, selectionView({ analysis: analysisWith([]) }), () => undefined).textContent).toContain(SELECTION_STRINGS.nothingFound);
    expect(renderSelectionCard(document, selectionView({ message: 'Nothing is selected.' }), () => undefined).textContent).toContain('Nothing is selected.');
    expect(renderSelectionCard(document, selectionView({ analysis: { ...analysisWith([]), supported: false } }), () => undefined).textContent).toContain(SELECTION_STRINGS.unsupported);
  });

  it('keeps hostile text as text, and survives malformed findings', () => {
    const document = page();
    const finding = findingOn(HOSTILE, HOSTILE, { label: '__proto__' as never });
    const junk = [null, 7, { label: 'Loaded_Language' }, { sentence: { text: 5 } }] as never[];
    const card = renderSelectionCard(document, selectionView({ analysis: analysisWith([...junk, finding]) }), () => undefined);
    expect(card.querySelector('img, script')).toBeNull();
    expect(card.querySelectorAll('.unspin-selection-finding')).toHaveLength(1);
    expect(card.textContent).toContain('Possible manipulation');
    const hostileMessage = renderSelectionCard(document, selectionView({ message: HOSTILE }), () => undefined);
    expect(hostileMessage.querySelector('img, script')).toBeNull();
    expect(hostileMessage.textContent).toContain(HOSTILE);
  });

  it('opens next to the selection, in the UI host, and closes with × or a trusted Escape', () => {
    const document = page();
    stubRects(document, [{ left: 40, top: 100, width: 300, height: 18 }]);
    select(document, document.getElementById('a')!.firstChild!, 0, LOADED.length);
    expect(selectionRect(document)?.bottom).toBe(118);
    const host = openHost(document);
    const card = new SelectionCard(document, () => host);
    card.show({ analysis: analysisWith([]) });
    const element = card.shown!;
    expect(host.cards.contains(element)).toBe(true);
    expect(element.style.getPropertyValue('top')).toBe('124px');
    expect(element.style.getPropertyValue('left')).toBe('40px');
    expect(element.getAttribute('role')).toBe('dialog');
    // An untrusted (page-made) Escape does nothing.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.shown).toBe(element);
    document.dispatchEvent(trustedKey('Escape'));
    expect(card.shown).toBeNull();
    expect(element.isConnected).toBe(false);
    card.show({ message: 'x' });
    (card.shown!.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(card.shown).toBeNull();
  });

  it('the content script answers GetSelection and ShowSelection', () => {
    const document = page();
    const script = new ContentScript({ document, send: vi.fn(), listen: () => () => undefined, autoScan: false });
    select(document, document.getElementById('a')!.firstChild!, 0, LOADED.length);
    expect(script.handle({ type: BackgroundMessage.GetSelection })).toEqual({ ok: true, value: LOADED });
    expect(script.handle({ type: BackgroundMessage.ShowSelection, analysis: analysisWith([]) })).toEqual({ ok: true, value: null });
    expect(script.selection.shown?.textContent).toContain(SELECTION_STRINGS.nothingFound);
    script.stop();
    expect(script.selection.shown).toBeNull();
  });
});
