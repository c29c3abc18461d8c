// @vitest-environment happy-dom
// The popup's "Your selection" section: the checked text (cut short, with a toggle), its findings
// without "Show in page", why there are none, and Clear.
import { describe, expect, it, vi } from 'vitest';
import type { TabState } from '../../../extension/messages';
import { Popup } from '../../../extension/popup/components/Popup';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { describeLabel } from '../../../extension/ui/labels';
import { SELECTION_STRINGS } from '../../../extension/ui/selection';
import { STRINGS } from '../../../extension/ui/strings';
import { lastRoot, rerender, show } from '../../support/render';


const finding = MOCK_ANALYSIS.findings.find((f) => !f.isHeadline)!;
const selected = (overrides: Partial<NonNullable<TabState['selection']>>, state: TabState = MOCK_STATES.done): TabState => ({ ...state, selection: { text: finding.sentence.text, checkedAt: 1, ...overrides } });

describe('Your selection', () => {
  it('comes first, with the quoted text and its findings, and no "Show in page"', () => {
    const el = show(<Popup state={selected({ analysis: { ...MOCK_ANALYSIS, findings: [finding], claims: [] } })} onShowFinding={vi.fn()} />);
    const section = el.querySelector('section.selection')!;
    expect(section).not.toBeNull();
    // Before the page's own report.
    expect(section.compareDocumentPosition(el.querySelector('.overview')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.querySelector('h2')!.textContent).toBe(SELECTION_STRINGS.heading);
    expect(section.querySelector('.selection-quote')!.textContent).toContain(finding.sentence.text);
    expect(section.querySelector('.finding-label')!.textContent).toContain(describeLabel(finding.label).name);
    expect(section.textContent).toContain(describeLabel(finding.label).ask);
    expect(section.querySelector('button.show')).toBeNull();
  });

  it('cuts a long selection short, with a toggle', () => {
    const long = `${'word '.repeat(100)}end`;
    const el = show(<Popup state={selected({ text: long, analysis: { ...MOCK_ANALYSIS, findings: [] } })} />);
    const quote = el.querySelector('.selection-quote')!;
    expect(quote.textContent).not.toContain('end');
    const toggle = quote.querySelector('button.more') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    return Promise.resolve().then(() => {
      expect(el.querySelector('.selection-quote')!.textContent).toContain('end');
    });
  });

  it('says "Nothing manipulative found", or the message, and shows even on a page that was never scanned', () => {
    let el = show(<Popup state={selected({ analysis: { ...MOCK_ANALYSIS, findings: [] } })} />);
    expect(el.querySelector('.selection-clean')!.textContent).toBe(SELECTION_STRINGS.nothingFound);
        el = show(<Popup state={selected({ text: '', message: 'Unspin can’t read the selection here.' }, MOCK_STATES.idle)} />);
    expect(el.querySelector('.selection-message')!.textContent).toBe('Unspin can’t read the selection here.');
    expect(el.querySelector('.selection-quote')).toBeNull();
    expect(el.textContent).toContain(STRINGS.idleTitle);
  });

  it('Clear calls back; without a selection there is no section', () => {
    const onClear = vi.fn();
    const el = show(<Popup state={selected({ analysis: MOCK_ANALYSIS })} onClearSelection={onClear} />);
    (el.querySelector('button.clear') as HTMLButtonElement).click();
    expect(onClear).toHaveBeenCalledOnce();
    rerender(<Popup state={MOCK_STATES.done} />);
    expect(lastRoot().querySelector('section.selection')).toBeNull();
  });

  it('renders hostile selected text as text', () => {
    const el = show(<Popup state={selected({ text: '<img src=x onerror=alert(1)>', analysis: { ...MOCK_ANALYSIS, findings: [] } })} />);
    expect(el.querySelector('.selection img')).toBeNull();
    expect(el.querySelector('.selection-quote')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
