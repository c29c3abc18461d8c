// Every user-facing string of the feedback on flags (card, popup, history page); the texts are in
// extension/_locales (feedback_*), looked up when read through ../ui/i18n.ts.
import { plural, t } from '../ui/i18n';

export const FEEDBACK_STRINGS = {
  /** The group of the two buttons (card and popup). */
  get groupLabel() { return t('feedback_group_label'); },
  get notManipulative() { return t('feedback_not_manipulative'); },
  get notManipulativeHint() { return t('feedback_not_manipulative_hint'); },
  get correct() { return t('feedback_correct'); },
  get correctHint() { return t('feedback_correct_hint'); },
  /** The popup's row in place of a dismissed passage. */
  dismissed: (quote: string) => t('feedback_dismissed', [quote]),
  get undo() { return t('feedback_undo'); },
  undoLabel: (quote: string) => t('feedback_undo_label', [quote]),
  get failed() { return t('feedback_failed'); },
  /** The export/clear area (popup and history page). */
  get heading() { return t('feedback_heading'); },
  get hint() { return t('feedback_hint'); },
  count: (n: number) => plural('feedback_count', n),
  get export() { return t('feedback_export'); },
  get clear() { return t('feedback_clear'); },
  get clearConfirm() { return t('feedback_clear_confirm'); },
  get clearYes() { return t('feedback_clear_yes'); },
  get clearNo() { return t('feedback_clear_no'); },
  get cleared() { return t('feedback_cleared'); },
  exported: (n: number, name: string) => plural('feedback_exported', n, [n, name]),
  get nothingToExport() { return t('feedback_nothing_to_export'); },
  get error() { return t('feedback_error'); },
};
