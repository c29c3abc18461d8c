// "Your selection": the last text checked with "Check with Unspin" (context menu or keyboard
// command) in this tab, at the top of the popup: the quoted text (cut short, with a toggle), its
// findings (no "Show in page": the selection is not one of the page's marks) and a Clear button.
import type { SelectionCheck } from '../../messages';
import { SELECTION_STRINGS, selectionView, usableFindings } from '../../ui/selection';
import { Expandable } from './Expandable';
import { FindingList } from './FindingList';

const MAX_QUOTE = 180;

export function SelectionSection({ selection, onClear }: { selection: SelectionCheck; onClear?: () => void }) {
  const view = selectionView(selection, Number.POSITIVE_INFINITY);
  return (
    <section class="selection" aria-labelledby="selection-heading">
      <div class="selection-head">
        <h2 id="selection-heading">{SELECTION_STRINGS.heading}</h2>
        {onClear && (
          <button type="button" class="clear" aria-label={SELECTION_STRINGS.clearLabel} onClick={onClear}>
            {SELECTION_STRINGS.clear}
          </button>
        )}
      </div>
      {selection.text.trim() !== '' && (
        <blockquote class="selection-quote">
          <Expandable text={selection.text} max={MAX_QUOTE} />
        </blockquote>
      )}
      {view.kind === 'message' && <p class="hint selection-message">{view.message}</p>}
      {view.kind === 'unsupported' && <p class="hint">{SELECTION_STRINGS.unsupported}</p>}
      {view.kind === 'clean' && (
        <>
          <p class="selection-clean">{SELECTION_STRINGS.nothingFound}</p>
          <p class="hint">{SELECTION_STRINGS.nothingFoundHint}</p>
        </>
      )}
      {view.kind === 'findings' && <FindingList findings={usableFindings(selection.analysis)} claims={selection.analysis?.claims} />}
    </section>
  );
}
