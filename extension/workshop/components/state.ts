// The analysis of one text as the workshop page holds it, with its findings per item.
import type { Finding, PageAnalysis } from '../../../model/types';

export type AnalysisState =
  | { status: 'loading' }
  | { status: 'ready'; analysis: PageAnalysis; findings: Record<string, Finding[]> }
  | { status: 'error'; message: string };
