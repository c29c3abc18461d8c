// How flagged sentences look on the page.
import type { HighlightStyle } from '../../settings';
import { OPTIONS_STRINGS as S } from '../strings';
import { Choice } from './Choice';

const STYLES: HighlightStyle[] = ['underline', 'background', 'none'];

export function HighlightGroup({ value, onChange }: { value: HighlightStyle; onChange: (value: HighlightStyle) => void }) {
  return <Choice id="highlight" heading={S.highlightHeading} hint={S.highlightHint} options={STYLES.map((style) => ({ value: style, label: S.highlight[style] }))} value={value} onChange={onChange} />;
}
