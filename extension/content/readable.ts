// Pages Unspin cannot or must not read, with the reason shown in the popup.

export const NO_TEXT_REASON = 'This page has no text for Unspin to read.';

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
    return `Unspin reads web pages (http and https addresses); this page's address starts with "${protocol || 'something else'}".`;
  }
  if (isPdfViewer(document)) return 'This is a PDF shown in the browser’s PDF viewer, which Unspin cannot read.';
  if (document.designMode === 'on') return 'This page is open for editing; Unspin does not read what you write.';
  if (!document.documentElement) return NO_TEXT_REASON;
  return null;
}
