// The workshop page's only link to the outside: the extension's own worker, which analyses texts.
import browser from 'webextension-polyfill';
import { PopupMessage, type Reply, type TextPurpose } from '../messages';
import type { PageAnalysis } from '../../model/types';

export type Analyze = (text: string, purpose: TextPurpose, title?: string) => Promise<PageAnalysis>;

/**
 * Workshop articles are analysed at 'balanced' (the validation-tuned thresholds): at the cautious
 * default the model flags 10 of the 37 keyed sentences, at balanced 31 — the exercise needs the
 * model's own judgement, not its most careful subset. A pasted text uses the reader's setting.
 */
export const WORKSHOP_SENSITIVITY = 'balanced' as const;

export const analyzeText: Analyze = async (text, purpose, title) => {
  const sensitivity = purpose === 'workshop' ? { sensitivity: WORKSHOP_SENSITIVITY } : {};
  const reply = (await browser.runtime.sendMessage({ type: PopupMessage.AnalyzeText, text, purpose, ...(title !== undefined ? { title } : {}), ...sensitivity })) as Reply<PageAnalysis> | undefined;
  if (!reply) throw new Error('no answer from the extension');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
