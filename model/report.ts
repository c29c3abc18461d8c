// Reports of a page's analysis for journalists: Markdown to read and paste, JSON to archive, each
// with a SHA-256 of the analysed text so the report can be checked against the text later.
// Pure and shared by the extension (popup, history page) and `scan --report`: no DOM, no chrome.*.
//
// Verifying a report: `textSha256` is the lower-case hex SHA-256 of the UTF-8 bytes of exactly the
// text that was analysed (the page text the content script extracted and sent, chunks joined; for
// `scan`, the text it extracted from the file or the .txt file's content). `textLength` is that
// text's length in UTF-16 code units, the unit of every offset in the analysis.
import { guidanceFor } from './guidance';
import { LABELS, type Label } from './labels';
import type { ClaimSentence, Finding, PageAnalysis } from './types';

const isLabel = (name: unknown): name is Label => (LABELS as readonly unknown[]).includes(name);

export const REPORT_FORMAT = 'unspin-report';
export const REPORT_FORMAT_VERSION = 1;

export interface ReportHeader {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  /** ISO 8601, UTC. */
  generatedAt: string;
  /** When the page was analysed (ISO 8601), if known; the report may be generated later. */
  analysedAt: string | null;
  /** What made it: the extension or the scan CLI, and its version (package.json's). */
  generator: { name: 'Unspin'; via: 'extension' | 'scan'; version: string };
  model: { name: string; version: string };
  url: string | null;
  title: string | null;
  /** Hex SHA-256 of the UTF-8 bytes of the analysed text; null when it is not known. */
  textSha256: string | null;
  /** UTF-16 code units of the analysed text; null when not known. */
  textLength: number | null;
}

/** The JSON report: a header and the PageAnalysis exactly as the analysis produced it. */
export interface JsonReport {
  report: ReportHeader;
  analysis: PageAnalysis;
}

export interface ReportInput {
  analysis: PageAnalysis;
  url?: string | null;
  title?: string | null;
  textSha256?: string | null;
  textLength?: number | null;
  analysedAt?: Date | number | string | null;
  generatedAt?: Date | number | string;
  via: 'extension' | 'scan';
  version: string;
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes (Web Crypto: browsers, workers and Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

function iso(value: Date | number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function reportHeader(input: ReportInput): ReportHeader {
  const { analysis } = input;
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: iso(input.generatedAt ?? new Date()) ?? new Date().toISOString(),
    analysedAt: iso(input.analysedAt),
    generator: { name: 'Unspin', via: input.via, version: input.version },
    model: { name: String(analysis.model?.name ?? ''), version: String(analysis.model?.version ?? '') },
    url: input.url ?? null,
    title: input.title ?? null,
    textSha256: isSha256(input.textSha256) ? input.textSha256 : null,
    textLength: typeof input.textLength === 'number' && Number.isInteger(input.textLength) ? input.textLength : null,
  };
}

export function buildJsonReport(input: ReportInput): JsonReport {
  return { report: reportHeader(input), analysis: input.analysis };
}

export function jsonReportText(input: ReportInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
}

// ---- Markdown -------------------------------------------------------------------------------

/**
 * Text from the page (or anything not ours) as inert Markdown: one line, every character that
 * could start a link, image, HTML tag, code span, emphasis, table cell or entity escaped, so a
 * hostile title like `[x](javascript:…)` or `<img src=…>` stays text in every CommonMark viewer.
 */
export function mdText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]()<>#!|~&$@]/g, (c) => `\\${c}`);
}

/** Page text as a quote line: also never a list item of its own after "> ". */
export function mdQuote(value: unknown): string {
  return `> ${mdText(value).replace(/^[-+]/, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2')}`;
}

/** A URL from our own data (fact-check links) as a link when it is http(s), else as text. */
function mdLink(label: string, url: unknown): string {
  if (typeof url !== 'string') return mdText(label);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return mdText(label);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return mdText(label);
  // Percent-encode what could end the destination early.
  const href = parsed.href.replace(/[()<> \\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${mdText(label)}](<${href}>)`;
}

const percent = (score: number) => `${Math.round((Number.isFinite(score) ? score : 0) * 100)}%`;

const CATEGORY_NAMES: Record<string, string> = {
  persuasion: 'Persuasion techniques',
  loaded_language: 'Loaded language',
  clickbait: 'Clickbait headline',
  insult: 'Insulting language',
  claims: 'Resembles debunked claims',
  source: 'What source lists say',
};

function labelName(label: string): string {
  return isLabel(label) ? guidanceFor(label).name : label;
}

function findingLines(finding: Finding, index: number): string[] {
  const guidance = isLabel(finding.label) ? guidanceFor(finding.label) : null;
  const head = `${finding.isHeadline ? 'Headline: ' : ''}${labelName(finding.label)}`;
  const lines = [`### ${index + 1}. ${mdText(head)} (${percent(finding.score)})`, '', mdQuote(finding.sentence?.text), ''];
  const where = finding.isHeadline ? 'in the title' : `characters ${finding.sentence?.start}–${finding.sentence?.end} of the text`;
  lines.push(`- **Label:** ${mdText(finding.label)}, score ${Number(finding.score).toFixed(2)}, ${mdText(where)}`);
  const others = (finding.labels ?? []).filter((l) => l.label !== finding.label);
  if (others.length > 0) lines.push(`- **Also:** ${others.map((l) => `${mdText(labelName(l.label))} (${Number(l.score).toFixed(2)})`).join(', ')}`);
  if (guidance) lines.push(`- **What it is:** ${mdText(guidance.what)}`, `- **Why it matters:** ${mdText(guidance.why)}`);
  if ((finding.evidence ?? []).length > 0) lines.push(`- **Words that triggered it:** ${finding.evidence.map((e) => `“${mdText(e.text)}”`).join(', ')}`);
  const { suggestion } = finding;
  if (suggestion) {
    lines.push(`- **Ask yourself:** ${mdText(suggestion.question)}`);
    const { rewording, spoiler } = suggestion;
    if (rewording?.note) lines.push(`- **Note:** ${mdText(rewording.note)}`);
    if (rewording && rewording.changes?.length > 0) {
      lines.push(`- **Neutral wording:** ${mdText(rewording.text)}`);
      lines.push(`- **Changes:** ${rewording.changes.map((c) => (c.to === '' ? `“${mdText(c.from)}” dropped` : `“${mdText(c.from)}” → “${mdText(c.to)}”`)).join(', ')}`);
    }
    if (spoiler) {
      lines.push(`- **What the headline holds back:** ${mdText(spoiler.sentence?.text)}`);
      if (spoiler.headline?.trim()) lines.push(`- **A more informative headline:** ${mdText(spoiler.headline)}`);
    }
    if (!(rewording && rewording.changes?.length > 0) && !spoiler) lines.push(`- **Neutral restatement (template):** ${mdText(suggestion.restatement)}`);
  }
  lines.push('');
  return lines;
}

function claimLines(claims: readonly ClaimSentence[]): string[] {
  if (claims.length === 0) return [];
  const lines = ['## Resembles debunked claims', '', 'A resemblance to a claim fact-checkers found false or misleading, not a verdict on this page.', ''];
  claims.forEach((claim, i) => {
    lines.push(`### Sentence ${i + 1}`, '', mdQuote(claim.sentence?.text), '');
    for (const match of claim.matches ?? []) {
      lines.push(`- Resembles “${mdText(match.claim)}” — verdict: ${mdText(match.verdict)}; checked by ${mdText(match.source)}; similarity ${Number(match.similarity).toFixed(2)}; ${mdLink('read the fact-check', match.url)}`);
      if (match.correction) lines.push(`  - What the fact-check says: ${mdText(match.correction)}`);
    }
    lines.push('');
  });
  return lines;
}

function sourceLines(analysis: PageAnalysis): string[] {
  if (analysis.source === undefined) return [];
  const lines = ['## Who published it', ''];
  const ratings = analysis.source?.ratings ?? [];
  if (!analysis.source || ratings.length === 0) lines.push('No bundled source list rates this site.', '');
  else {
    lines.push(`Site: ${mdText(analysis.source.domain)}`, '');
    for (const r of ratings) lines.push(`- ${mdText(r.says)} (${mdText(r.list)}${r.listDate ? `, ${mdText(r.listDate)}` : ''}${r.matched && r.matched !== analysis.source.domain ? `; entry ${mdText(r.matched)}` : ''})`);
    lines.push('', 'What these lists said when they were compiled; not Unspin’s verdict.', '');
  }
  return lines;
}

export function markdownReport(input: ReportInput): string {
  const header = reportHeader(input);
  const { analysis } = input;
  const lines = [`# Unspin report: ${mdText(header.title || header.url || 'untitled text')}`, ''];
  lines.push(`- **Page:** ${header.url ? mdText(header.url) : 'no address'}`);
  if (header.title) lines.push(`- **Title:** ${mdText(header.title)}`);
  if (header.analysedAt) lines.push(`- **Analysed:** ${header.analysedAt}`);
  lines.push(`- **Report generated:** ${header.generatedAt}`);
  lines.push(`- **Made by:** Unspin ${mdText(header.generator.version)} (${header.generator.via}), model ${mdText(header.model.name)} ${mdText(header.model.version)}${analysis.sensitivity ? `, sensitivity ${mdText(analysis.sensitivity)}` : ''}`);
  lines.push(`- **Language:** ${mdText(analysis.language?.code)}${analysis.supported ? '' : ' (not one the model was trained on: nothing scored)'}`);
  lines.push(`- **Text SHA-256:** ${header.textSha256 ? `\`${header.textSha256}\`` : 'not recorded'}${header.textLength !== null ? ` (${header.textLength} characters)` : ''}`);
  lines.push('');
  if (analysis.supported) {
    lines.push('## Overall', '', `**Manipulation risk: ${analysis.risk}/100 (${mdText(analysis.level)}).** ${analysis.findings.length} flagged passage(s) in ${analysis.sentenceCount} sentence(s)${analysis.truncated ? '; the text was longer than the analysis limit, the rest was not scored' : ''}.`, '');
    if (analysis.categories.length > 0) {
      lines.push('| Category | Score (0–100) | Flagged |', '|---|---:|---:|');
      for (const c of analysis.categories) lines.push(`| ${mdText(CATEGORY_NAMES[c.id] ?? c.id)} | ${c.score} | ${c.flagged} |`);
      lines.push('');
    }
    lines.push(`## Flagged passages (${analysis.findings.length})`, '');
    if (analysis.findings.length === 0) lines.push('Nothing flagged. That is not a guarantee the page is accurate.', '');
    analysis.findings.forEach((f, i) => lines.push(...findingLines(f, i)));
  }
  lines.push(...claimLines(analysis.claims ?? []));
  lines.push(...sourceLines(analysis));
  lines.push(
    '## Verifying this report',
    '',
    'The SHA-256 above is of the UTF-8 bytes of exactly the text Unspin analysed: the page text its content script extracted (for `unspin scan`, the text extracted from the file). Offsets count UTF-16 code units of that text. The scores are a classifier’s estimates, not a verdict. The JSON report holds the complete analysis.',
    '',
  );
  return lines.join('\n');
}

/** A file name for the report: `unspin-report-<host>-<yyyy-mm-dd>.<ext>`. */
export function reportFileName(input: Pick<ReportInput, 'url' | 'analysedAt' | 'generatedAt'>, ext: 'md' | 'json'): string {
  let host = 'text';
  try {
    if (input.url) host = new URL(input.url).hostname || host;
  } catch {
    // not a URL: keep 'text'
  }
  const day = (iso(input.analysedAt) ?? iso(input.generatedAt ?? new Date()) ?? '').slice(0, 10);
  return `unspin-report-${host.replace(/[^\w.-]+/g, '_')}-${day}.${ext}`;
}
