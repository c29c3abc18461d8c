// @vitest-environment happy-dom
// The popup against mock data: every state renders its message, the report lists passages by
// severity, and actions reach the callbacks.
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../extension/popup/components/Popup';
import { MOCK_ANALYSIS, MOCK_STATES } from '../../../extension/popup/mock';
import { describeLabel } from '../../../extension/ui/labels';
import { STRINGS } from '../../../extension/ui/strings';
import { show } from '../../support/render';


describe('Popup', () => {
  it('shows the risk gauge with its value and level word', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const gauge = el.querySelector('[role="meter"]')!;
    expect(gauge.getAttribute('aria-valuenow')).toBe(String(MOCK_ANALYSIS.risk));
    expect(gauge.textContent).toContain(STRINGS.level.high);
    expect(el.querySelector('.summary')!.textContent).toMatch(/Strong signs of manipulation: 4 of 12 sentences/);
    expect(el.querySelector('.summary')!.textContent).toContain('clickbait');
  });

  it('has one bar per category the analysis provides', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const bars = [...el.querySelectorAll('.category .bar')];
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(MOCK_ANALYSIS.categories.map((c) => String(c.score)));
  });

  it('lists each flagged passage with its label, confidence, explanation and question', () => {
    const el = show(<Popup state={MOCK_STATES.done} />);
    const items = [...el.querySelectorAll('.finding')];
    expect(items).toHaveLength(5);
    const second = items[1];
    const text = describeLabel('Name_Calling-Labeling');
    expect(second.querySelector('.finding-label')!.textContent).toBe(text.name);
    expect(second.querySelector('.finding-confidence')!.textContent).toBe('81% confidence');
    expect(second.textContent).toContain(text.what);
    expect(second.textContent).toContain(text.ask);
    expect(second.textContent).toContain('“corrupt”');
    expect(second.classList.contains('severity-high')).toBe(true);
    expect(items[0].querySelector('.finding-label')!.textContent).toBe(`${STRINGS.headline}: ${describeLabel('clickbait').name}`);
  });

  it('sends "show in page" for body passages only', () => {
    const onShow = vi.fn();
    const el = show(<Popup state={MOCK_STATES.done} onShowFinding={onShow} />);
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('.finding > button.show')];
    expect(buttons).toHaveLength(4);
    buttons[0].click();
    expect(onShow).toHaveBeenCalledWith('s260-363');
    expect(el.querySelectorAll('.finding')[0].querySelector(':scope > button.show')).toBeNull();
  });

  it('toggles highlights', () => {
    const onToggle = vi.fn();
    const el = show(<Popup state={MOCK_STATES.done} onToggleHighlights={onToggle} />);
    const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    box.click();
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it.each([
    ['scanning', STRINGS.scanning],
    ['unreadable', STRINGS.unreadableTitle],
    ['error', STRINGS.errorTitle],
    ['idle', STRINGS.idleTitle],
    ['clean', STRINGS.nothingFound],
  ])('shows a clear %s state', (name, message) => {
    const el = show(<Popup state={MOCK_STATES[name]} />);
    expect(el.textContent).toContain(message);
    expect(el.querySelectorAll('.finding')).toHaveLength(0);
  });

  it('says what to do on error and why a page is unreadable', () => {
    expect(show(<Popup state={MOCK_STATES.error} />).textContent).toContain(STRINGS.errorHint);
    expect(show(<Popup state={MOCK_STATES.unreadable} />).textContent).toContain('PDF viewer');
  });

  it('names the language of an unsupported page instead of showing scores', () => {
    const el = show(<Popup state={MOCK_STATES.unsupported} />);
    expect(el.textContent).toContain('Chinese');
    expect(el.querySelector('[role="meter"]')).toBeNull();
    expect(el.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('renders page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">Evil';
    const analysis = { ...MOCK_ANALYSIS, findings: [{ ...MOCK_ANALYSIS.findings[1], sentence: { start: 0, end: hostile.length, text: hostile } }] };
    const el = show(<Popup state={{ ...MOCK_STATES.done, analysis }} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.finding-quote')!.textContent).toBe(hostile);
  });
});
