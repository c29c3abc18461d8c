// The workshop page's only link to the outside: the extension's own worker, which analyses texts.
import browser from 'webextension-polyfill';
import { PopupMessage, type Reply, type TextPurpose } from '../messages';
import type { PageAnalysis } from '../../model/types';

export type Analyze = (text: string, purpose: TextPurpose, title?: string) => Promise<PageAnalysis>;

export const analyzeText: Analyze = async (text, purpose, title) => {
  const reply = (await browser.runtime.sendMessage({ type: PopupMessage.AnalyzeText, text, purpose, ...(title !== undefined ? { title } : {}) })) as Reply<PageAnalysis> | undefined;
  if (!reply) throw new Error('no answer from the extension');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
