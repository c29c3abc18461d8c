// @vitest-environment happy-dom
// The popup's verdict buttons (FeedbackButtons.tsx) with usePopupFeedback over a fake worker,
// and "Export feedback (JSONL)" / "Clear feedback" (FeedbackTools.tsx).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../../extension/feedback';
import { usePopupFeedback, type FeedbackClient } from '../../../extension/feedback/client';
import { FEEDBACK_STRINGS as S } from '../../../extension/feedback/strings';
import type { TabFeedback } from '../../../extension/messages';
import { Popup } from '../../../extension/popup/components/Popup';
import { HistoryPage } from '../../../extension/history/components/HistoryPage';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { show } from '../../support/render';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: vi.fn() } } }));

function fakeClient(options: { fail?: boolean } = {}) {
  const verdicts: Record<string, Verdict> = {};
  const tab = (): TabFeedback => ({ verdicts: { ...verdicts }, stored: Object.keys(verdicts).length });
  const client: FeedbackClient = {
    get: vi.fn(async () => tab()),
    set: vi.fn(async (_tabId: number, findingId: string, verdict: Verdict | null) => {
      if (options.fail) throw new Error('storage is full');
      if (verdict) verdicts[findingId] = verdict;
      else delete verdicts[findingId];
      return tab();
    }),
    exportJsonl: vi.fn(async () => ({ jsonl: '{"text":"A.","label":"Slogans","verdict":"correct"}\n', count: 1 })),
    clear: vi.fn(async () => {
      for (const id of Object.keys(verdicts)) delete verdicts[id];
    }),
  };
  return client;
}

function Live({ client }: { client: FeedbackClient }) {
  const feedback = usePopupFeedback(7, MOCK_STATES.done, client);
  return <Popup state={MOCK_STATES.done} feedback={feedback} />;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const first = MOCK_ANALYSIS.findings[0];
const items = (el: HTMLElement) => [...el.querySelectorAll('.findings > li')];

describe('verdict buttons in the popup', () => {
  it('are absent without a feedback provider (mock data, reports)', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    expect(el.querySelector('.feedback, .feedback-tools')).toBeNull();
  });

  it('each passage has "Not manipulative" and "This is right", as toggle buttons', async () => {
    const el = show(<Live client={fakeClient()} />);
    await vi.waitFor(() => expect(el.querySelectorAll('.feedback')).toHaveLength(MOCK_ANALYSIS.findings.length));
    const group = el.querySelector('.feedback')!;
    expect(group.getAttribute('role')).toBe('group');
    expect([...group.querySelectorAll('button')].map((b) => [b.textContent, b.getAttribute('type'), b.getAttribute('aria-pressed')])).toEqual([
      [S.notManipulative, 'button', 'false'],
      [S.correct, 'button', 'false'],
    ]);
  });

  it('"Not manipulative" collapses the passage to a row with Undo (focused); Undo brings it back', async () => {
    const client = fakeClient();
    const el = show(<Live client={client} />);
    await vi.waitFor(() => expect(el.querySelector('.feedback-not')).not.toBeNull());
    const count = items(el).length;
    (el.querySelector('.feedback-not') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.finding-dismissed')).not.toBeNull());
    expect(client.set).toHaveBeenCalledWith(7, first.id, 'not_manipulative');
    expect(items(el)).toHaveLength(count);
    const dismissed = el.querySelector('.finding-dismissed')!;
    expect(dismissed.textContent).toBe(`${S.dismissed(first.sentence.text.length > 80 ? `${first.sentence.text.slice(0, 79)}…` : first.sentence.text)}${S.undo}`);
    expect(dismissed.querySelector('.finding-quote, .feedback')).toBeNull();
    const undo = dismissed.querySelector<HTMLButtonElement>('.feedback-undo')!;
    await vi.waitFor(() => expect(document.activeElement).toBe(undo));
    undo.click();
    await vi.waitFor(() => expect(el.querySelector('.finding-dismissed')).toBeNull());
    expect(client.set).toHaveBeenLastCalledWith(7, first.id, null);
  });

  it('"This is right" is pressed, and pressing again takes it back', async () => {
    const client = fakeClient();
    const el = show(<Live client={client} />);
    await vi.waitFor(() => expect(el.querySelector('.feedback-correct')).not.toBeNull());
    (el.querySelector('.feedback-correct') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.feedback-correct')!.getAttribute('aria-pressed')).toBe('true'));
    expect(client.set).toHaveBeenCalledWith(7, first.id, 'correct');
    expect(el.querySelector('.finding-dismissed')).toBeNull();
    (el.querySelector('.feedback-correct') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.feedback-correct')!.getAttribute('aria-pressed')).toBe('false'));
    expect(client.set).toHaveBeenLastCalledWith(7, first.id, null);
  });

  it('a verdict that could not be saved is undone, with a message', async () => {
    const el = show(<Live client={fakeClient({ fail: true })} />);
    await vi.waitFor(() => expect(el.querySelector('.feedback-not')).not.toBeNull());
    (el.querySelector('.feedback-not') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.feedback-error')?.textContent).toBe(S.failed));
    await vi.waitFor(() => expect(el.querySelector('.finding-dismissed')).toBeNull());
  });
});

describe('Export feedback (JSONL) and Clear feedback', () => {
  it('downloads the worker’s JSONL through a Blob URL', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:feedback';
    });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const client = fakeClient();
    const el = show(<Live client={client} />);
    await vi.waitFor(() => expect(el.querySelector('.feedback-export')).not.toBeNull());
    (el.querySelector('.feedback-export') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.feedback-status')!.textContent).toMatch(/^1 verdict saved as unspin-feedback-\d{4}-\d{2}-\d{2}\.jsonl\.$/));
    expect(clicked).toHaveBeenCalledOnce();
    expect(await blob!.text()).toBe('{"text":"A.","label":"Slogans","verdict":"correct"}\n');
  });

  it('clears after a confirmation, and the passages show again', async () => {
    const client = fakeClient();
    const el = show(<Live client={client} />);
    await vi.waitFor(() => expect(el.querySelector('.feedback-not')).not.toBeNull());
    (el.querySelector('.feedback-not') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.finding-dismissed')).not.toBeNull());
    await vi.waitFor(() => expect(el.querySelector('.feedback-tools .hint')!.textContent).toContain(S.count(1)));
    (el.querySelector('.feedback-clear') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('[role="alertdialog"]')).not.toBeNull());
    expect(client.clear).not.toHaveBeenCalled();
    (el.querySelector('.feedback-clear-yes') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(el.querySelector('.feedback-status')!.textContent).toBe(S.cleared));
    expect(client.clear).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(el.querySelector('.finding-dismissed')).toBeNull());
  });

  it('are on the history page too', async () => {
    const client = fakeClient();
    const el = show(<HistoryPage entries={[]} load={async () => null} onDelete={async () => undefined} onClearAll={async () => undefined} feedback={client} />);
    expect(el.querySelector('.feedback-tools h2')!.textContent).toBe(S.heading);
    (el.querySelector('.feedback-export') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(client.exportJsonl).toHaveBeenCalledOnce());
  });
});
