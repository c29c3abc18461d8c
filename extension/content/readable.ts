// Pages Unspin cannot or must not read, with the reason shown in the popup.
import { t } from '../ui/i18n';

export const NO_TEXT_REASON = t('content_no_text');

function protocolOf(document: Document): string {
  try {
    return new URL(document.URL).protocol;
  } catch {
    return '';
  }
}

/** Chrome and Edge show a PDF as a page whose body is one <embed type="application/pdf">. */
function isPdfViewer(document: Document): boolean {
  if (document.contentType === 'application/pdf') return true;
  const body = document.body;
  if (!body || body.children.length !== 1) return false;
  const only = body.children[0];
  return (only.localName === 'embed' || only.localName === 'object') && /pdf/i.test(only.getAttribute('type') ?? '');
}

/** Why the page can't be read before looking at its text, or null. */
export function unreadableReason(document: Document): string | null {
  const protocol = protocolOf(document);
  if (protocol !== 'http:' && protocol !== 'https:') {
    return t('content_not_web', [protocol || t('content_unknown_protocol')]);
  }
  if (isPdfViewer(document)) return t('content_pdf');
  if (document.designMode === 'on') return t('content_design_mode');
  if (!document.documentElement) return NO_TEXT_REASON;
  return null;
}
