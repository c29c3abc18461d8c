// @vitest-environment happy-dom
// content/feedback.ts in the content script: flags dismissed as not manipulative stay hidden on
// that page (after a rescan too), the card's two buttons, and verdicts given elsewhere applied live.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScript } from '../../../extension/content/controller';
import type { PaintedMarks } from '../../../extension/content/marks';
import type { FeedbackReader } from '../../../extension/content/feedback';
import { FeedbackStore, type Verdict } from '../../../extension/feedback';
import { FEEDBACK_STRINGS } from '../../../extension/feedback/strings';
import { ContentMessage, parseContentRequest, type ContentRequest } from '../../../extension/messages';
import { analysisWith, findingOn, fixture, instantSlicing, loadPage, stubRects } from '../content/helpers';
import { FakeLocal } from './fakes';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'unspin-test', sendMessage: vi.fn(), onMessage: { addListener: vi.fn(), removeListener: vi.fn() } } } }));

const URL_ = 'https://coastal.example/bridge';
const SENTENCE = "Engineers replaced forty-two corroded beams and resurfaced the entire carriageway, the city's transport office said.";

/** storage.local with its change event, and a worker that writes verdicts into it. */
function setup(options: { failFeedback?: boolean } = {}) {
  const area = new FakeLocal();
  const store = new FeedbackStore(area);
  const listeners = new Set<() => void>();
  const reader: FeedbackReader = { get: (keys) => area.get(keys), watch: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
  const changed = () => listeners.forEach((listener) => listener());
  const sent: ContentRequest[] = [];
  let findings: ReturnType<typeof findingOn>[] = [];
  const send = vi.fn(async (message: ContentRequest) => {
    sent.push(parseContentRequest(message));
    if (message.type === ContentMessage.SetFeedback) {
      if (options.failFeedback) return { ok: false, error: 'storage is full' };
      const finding = findings.find((f) => f.id === message.findingId)!;
      await store.record({ url: URL_, text: finding.sentence.text, label: finding.label, findingId: finding.id, verdict: message.verdict === 'none' ? null : message.verdict, at: 1 });
      changed();
      return { ok: true, value: { verdicts: {}, stored: 1 } };
    }
    if (message.type !== ContentMessage.AnalyzeChunk || message.index < message.count - 1) return { ok: true, value: null };
    findings = message.text.includes(SENTENCE) ? [findingOn(message.text, SENTENCE)] : [];
    return { ok: true, value: analysisWith(findings) };
  });
  const document = loadPage(fixture('content/article-with-chrome.html'), URL_);
  const script = new ContentScript({ document, send, listen: () => () => undefined, slicing: (signal) => instantSlicing({ signal }), autoScan: false, feedback: reader });
  const registry = script.highlights.painted;
  scripts.push(script);
  const record = (url: string, verdict: Verdict | null) => store.record({ url, text: SENTENCE, label: 'Loaded_Language', findingId: 'x', verdict, at: 1 });
  return { script, registry, document, area, sent, record, changed };
}

const scripts: ContentScript[] = [];
afterEach(() => {
  for (const script of scripts.splice(0)) script.stop();
  vi.restoreAllMocks();
});

/** The card's element (it lives in a closed shadow root, out of reach of the page and of querySelector). */
const cardOf = (script: ContentScript) => (script.card as unknown as { element: HTMLElement | null }).element;
/** The text of the marks (not the brief focus flash of "Show in page"). */
const marked = (registry: PaintedMarks) => [...registry].filter(([name]) => name !== 'unspin-focus').flatMap(([, h]) => [...h].map(String)).join('');

describe('dismissed flags in the page', () => {
  it('stay hidden after a rescan of the same page (any #fragment), and only there', async () => {
    const { script, registry, record } = setup();
    await record(`${URL_}#comments`, 'not_manipulative');
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);
    expect(marked(registry)).toBe('');
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);

    const other = setup();
    await other.record('https://coastal.example/another-page', 'not_manipulative');
    await other.script.scan();
    expect(other.script.highlights.findings).toHaveLength(1);
  });

  it('"This is right" keeps the flag shown', async () => {
    const { script, record } = setup();
    await record(URL_, 'correct');
    await script.scan();
    expect(script.highlights.findings).toHaveLength(1);
  });

  it('come back when the verdict is taken back or cleared elsewhere (storage.onChanged)', async () => {
    const { script, registry, record, area, changed } = setup();
    await record(URL_, 'not_manipulative');
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);
    await new FeedbackStore(area).clear();
    changed();
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(1));
    expect(marked(registry)).toBe(SENTENCE);
    // And a verdict given in the popup hides it at once.
    await record(URL_, 'not_manipulative');
    changed();
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(0));
  });
});

describe("the card's verdict buttons", () => {
  it('"Not manipulative" hides the flag and closes the card at once, and asks the worker to store it', async () => {
    const { script, registry, sent, document } = setup();
    stubRects(document);
    await script.scan();
    const [located] = script.highlights.findings;
    await script.focus(located);
    const card = cardOf(script)!;
    const group = card.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe(FEEDBACK_STRINGS.groupLabel);
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.type, b.getAttribute('aria-pressed')])).toEqual([
      [FEEDBACK_STRINGS.notManipulative, 'button', 'false'],
      [FEEDBACK_STRINGS.correct, 'button', 'false'],
    ]);
    buttons[0].click();
    expect(script.highlights.findings).toHaveLength(0);
    expect(marked(registry)).toBe('');
    expect(script.card.current).toBeNull();
    await vi.waitFor(() => expect(sent).toContainEqual({ type: ContentMessage.SetFeedback, findingId: located.finding.id, verdict: 'not_manipulative' }));
    // A rescan keeps it hidden.
    await script.scan();
    expect(script.highlights.findings).toHaveLength(0);
  });

  it('"This is right" is pressed (and pressed again, taken back); the flag stays', async () => {
    const { script, sent, document } = setup();
    stubRects(document);
    await script.scan();
    const [located] = script.highlights.findings;
    await script.focus(located);
    const right = cardOf(script)!.querySelector<HTMLButtonElement>('button[data-verdict="correct"]')!;
    right.click();
    expect(right.getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(sent).toContainEqual({ type: ContentMessage.SetFeedback, findingId: located.finding.id, verdict: 'correct' }));
    expect(script.highlights.findings).toHaveLength(1);
    right.click();
    expect(right.getAttribute('aria-pressed')).toBe('false');
    await vi.waitFor(() => expect(sent).toContainEqual({ type: ContentMessage.SetFeedback, findingId: located.finding.id, verdict: 'none' }));
  });

  it('a verdict the worker could not store is undone, and the card says so', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { script, document } = setup({ failFeedback: true });
    stubRects(document);
    await script.scan();
    await script.focus(script.highlights.findings[0]);
    const card = cardOf(script)!;
    card.querySelector<HTMLButtonElement>('button[data-verdict="correct"]')!.click();
    await vi.waitFor(() => expect(card.querySelector('[role="status"]')!.textContent).toBe(FEEDBACK_STRINGS.failed));
    expect(card.querySelector('button[data-verdict="correct"]')!.getAttribute('aria-pressed')).toBe('false');
    // "Not manipulative" that fails brings the flag back.
    card.querySelector<HTMLButtonElement>('button[data-verdict="not_manipulative"]')!.click();
    expect(script.highlights.findings).toHaveLength(0);
    await vi.waitFor(() => expect(script.highlights.findings).toHaveLength(1));
  });
});
