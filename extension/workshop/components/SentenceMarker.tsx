// One sentence (or the headline) as a toggle button: pressed means "I find this manipulative".
import { WS } from '../strings';
import { colon } from '../../ui/strings';

export interface SentenceMarkerProps {
  label: string;
  text: string;
  marked: boolean;
  isHeadline?: boolean;
  onToggle: () => void;
}

export function SentenceMarker({ label, text, marked, isHeadline, onToggle }: SentenceMarkerProps) {
  return (
    <button type="button" class={`marker${isHeadline ? ' marker-headline' : ''}`} aria-pressed={marked ? 'true' : 'false'} aria-label={`${colon(label)} ${text}${marked ? ` (${WS.marked})` : ''}`} onClick={onToggle}>
      <span class="marker-label" aria-hidden="true">
        {label}
        {marked && <span class="marker-check"> ✓ {WS.marked}</span>}
      </span>
      <span class="marker-text">{text}</span>
    </button>
  );
}
