// The reader's verdicts on the page's flags (extension/feedback.ts): flags the reader marked "not
// manipulative" are not shown on this page (after a rescan or a reload too), and each finding's
// card gets the two verdict buttons. The content script only reads storage.local (and follows
// storage.onChanged, so a verdict given in the popup or in another tab applies at once); the
// worker is the one writer, asked with ContentMessage.SetFeedback.
import browser from 'webextension-polyfill';
import { FEEDBACK_PREFIX, lookupVerdicts, pageAddress, type FeedbackArea, type Verdict } from '../feedback';
import { FEEDBACK_STRINGS as S } from '../feedback/strings';
import { ContentMessage, type FeedbackVerdict } from '../messages';
import { paletteFor } from './card';
import type { LocatedAnalysis, LocatedFinding, LocatedMark } from './locate';
import { isLocatedFinding } from './locate';
import type { Send } from './messaging';
import { styled } from './style';

/** Where the verdicts are read from: storage.local and its change events (or a fake in tests). */
export interface FeedbackReader {
  get: FeedbackArea['get'];
  /** Calls `onChange` when any feedback key changes; returns the way to stop. */
  watch(onChange: () => void): () => void;
}

type StorageLike = {
  local?: { get: FeedbackArea['get'] };
  onChanged?: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void; removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
};

/** storage.local; where storage is unavailable, a reader that knows no verdicts. */
export function storageFeedback(storage: StorageLike | undefined = (browser as { storage?: StorageLike }).storage): FeedbackReader {
  const local = storage?.local;
  const events = storage?.onChanged;
  return {
    get: (keys) => (local ? local.get(keys) : Promise.resolve({})),
    watch(onChange) {
      if (!events) return () => undefined;
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(FEEDBACK_PREFIX))) onChange();
      };
      events.addListener(listener);
      return () => events.removeListener(listener);
    },
  };
}

export interface ContentFeedbackOptions {
  document: Document;
  reader: FeedbackReader;
  send: Send;
  /** The analysis as located on the page (all of it, dismissed flags included). */
  current: () => LocatedAnalysis | null;
  /** Shows the marks the reader has not dismissed. */
  paint: (visible: LocatedAnalysis) => void;
}

const textOf = (located: LocatedFinding) => (typeof located.finding.sentence?.text === 'string' ? located.finding.sentence.text : '');

export class ContentFeedback {
  /** Verdicts by sentence text, for the page at `url`; texts looked up so far are in `known`. */
  private verdicts = new Map<string, Verdict>();
  private known = new Set<string>();
  private url = '';
  private readonly stopWatching: () => void;

  constructor(private readonly options: ContentFeedbackOptions) {
    this.stopWatching = options.reader.watch(() => {
      this.known.clear();
      void this.show(options.current());
    });
  }

  verdictOf(located: LocatedFinding): Verdict | null {
    return this.verdicts.get(textOf(located)) ?? null;
  }

  /** Shows `located` without the flags dismissed on this page (their verdicts are read first when not known yet). */
  async show(located: LocatedAnalysis | null): Promise<void> {
    if (!located) return;
    const url = pageAddress(this.options.document.URL);
    if (url !== this.url) {
      this.url = url;
      this.verdicts = new Map();
      this.known = new Set();
    }
    const texts = [...new Set([...located.findings, ...(located.spoiler ? [located.spoiler] : [])].map(textOf))].filter((text) => text !== '' && !this.known.has(text));
    if (texts.length > 0) {
      try {
        const found = await lookupVerdicts(this.options.reader, this.options.document.URL, texts);
        // A newer scan or navigation has replaced what was asked about.
        if (this.options.current() !== located || pageAddress(this.options.document.URL) !== url) return;
        for (const text of texts) {
          this.known.add(text);
          const verdict = found.get(text);
          if (verdict) this.verdicts.set(text, verdict);
          else this.verdicts.delete(text);
        }
      } catch (error) {
        console.warn('Unspin could not read your feedback on this page:', error);
        if (this.options.current() !== located) return;
      }
    }
    this.options.paint(this.visible(located));
  }

  /** The analysis without the flags dismissed as not manipulative. */
  visible(located: LocatedAnalysis): LocatedAnalysis {
    const shown = (l: LocatedFinding) => this.verdictOf(l) !== 'not_manipulative';
    return { ...located, findings: located.findings.filter(shown), spoiler: located.spoiler && shown(located.spoiler) ? located.spoiler : null };
  }

  /** Sets (or with null takes back) the verdict on a flag: the page follows at once, the worker stores it. */
  async set(located: LocatedFinding, verdict: Verdict | null): Promise<boolean> {
    const text = textOf(located);
    const before = this.verdicts.get(text) ?? null;
    const apply = (value: Verdict | null) => {
      if (value) this.verdicts.set(text, value);
      else this.verdicts.delete(text);
      const current = this.options.current();
      if (current) this.options.paint(this.visible(current));
    };
    apply(verdict);
    try {
      const reply = (await this.options.send({ type: ContentMessage.SetFeedback, findingId: located.finding.id, verdict: verdict ?? ('none' satisfies FeedbackVerdict) })) as { ok?: unknown; error?: unknown } | undefined;
      if (reply?.ok !== true) throw new Error(typeof reply?.error === 'string' ? reply.error : 'no answer from the extension');
      return true;
    } catch (error) {
      console.warn('Unspin could not save your feedback:', error);
      apply(before);
      return false;
    }
  }

  /** The verdict buttons at the foot of a finding's card; "Not manipulative" also closes the card. */
  decorate(located: LocatedMark, card: HTMLElement, close: () => void): void {
    if (!isLocatedFinding(located)) return;
    const document = card.ownerDocument;
    const palette = paletteFor(document.defaultView);
    const group = styled(document, 'div', { display: 'flex', 'flex-wrap': 'wrap', gap: '6px', 'align-items': 'center', margin: '10px 0 0', padding: '8px 0 0', 'border-top': `1px solid ${palette.border}` });
    group.className = 'unspin-feedback';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', S.groupLabel);
    const status = styled(document, 'span', { color: palette.muted, 'font-size': '12px', flex: '1 0 100%' });
    status.setAttribute('role', 'status');
    const button = (verdict: Verdict, label: string, hint: string) => {
      const element = styled(document, 'button', { font: 'inherit', 'font-size': '12px', color: palette.text, background: palette.background, border: `1px solid ${palette.border}`, 'border-radius': '4px', padding: '2px 8px', cursor: 'pointer' }, label);
      element.type = 'button';
      element.title = hint;
      element.dataset.verdict = verdict;
      element.addEventListener('click', () => void this.press(located, verdict, { buttons, status, close }));
      return element;
    };
    const buttons = [button('not_manipulative', S.notManipulative, S.notManipulativeHint), button('correct', S.correct, S.correctHint)];
    this.mark(buttons, this.verdictOf(located));
    group.append(...buttons, status);
    card.append(group);
  }

  private async press(located: LocatedFinding, verdict: Verdict, view: { buttons: HTMLButtonElement[]; status: HTMLElement; close: () => void }): Promise<void> {
    const next = this.verdictOf(located) === verdict ? null : verdict;
    this.mark(view.buttons, next);
    view.status.textContent = '';
    if (next === 'not_manipulative') view.close();
    const saved = await this.set(located, next);
    if (!saved) {
      this.mark(view.buttons, this.verdictOf(located));
      if (view.status.isConnected) view.status.textContent = S.failed;
    }
  }

  private mark(buttons: HTMLButtonElement[], verdict: Verdict | null): void {
    for (const button of buttons) {
      const pressed = button.dataset.verdict === verdict;
      button.setAttribute('aria-pressed', String(pressed));
      button.style.setProperty('font-weight', pressed ? '600' : '400', 'important');
    }
  }

  stop(): void {
    this.stopWatching();
  }
}
