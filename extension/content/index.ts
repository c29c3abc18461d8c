// Placeholder content script (the content engineer replaces it): sends the page's text to the
// background in protocol chunks so the build and the end-to-end tests have something to run.
import browser from 'webextension-polyfill';
import { ContentMessage, chunkText, type AnalyzeChunkPayload } from '../messages';

async function scan(): Promise<void> {
  const scanId = crypto.randomUUID();
  const chunks = chunkText(document.body?.innerText ?? '');
  for (const [index, text] of chunks.entries()) {
    const message: AnalyzeChunkPayload = { type: ContentMessage.AnalyzeChunk, scanId, url: location.href, title: document.title, kind: 'article', index, count: chunks.length, text };
    await browser.runtime.sendMessage(message);
  }
}

void scan();
