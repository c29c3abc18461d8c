// A long text cut short, with a "more" button that shows all of it.
import { useState } from 'preact/hooks';
import { clip } from '../../ui/context';
import { STRINGS } from '../../ui/strings';

export function Expandable({ text, max, class: className }: { text: string; max: number; class?: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > max;
  return (
    <span class={className}>
      {open || !long ? text : clip(text, max)}
      {long && (
        <button type="button" class="more" aria-expanded={open ? 'true' : 'false'} onClick={() => setOpen(!open)}>
          {open ? STRINGS.less : STRINGS.more}
        </button>
      )}
    </span>
  );
}
