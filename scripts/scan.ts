// npm run -s scan -- FILE.(html|txt) [--url URL] [--json | --report md|json]
// Analyses a saved article with the same analysis core as the extension.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Finding, PageAnalysis } from '../model/types';
import { extractArticle } from './lib/article';
import { loadNodeAnalyzer } from './lib/node-model';
import { parseFlags } from './training/options';
import { jsonReportText, markdownReport, sha256Hex } from '../model/report';
import { version } from '../package.json';

class UsageError extends Error {}

/** Input files larger than this are refused rather than read into memory. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

function readInput(file: string): { title?: string; text: string; url?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${file}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  const content = bytes.toString('utf8');
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const article = extractArticle(content);
    return { title: article.title || undefined, text: article.text, url: article.url };
  }
  return { text: content };
}

function printReport(file: string, analysis: PageAnalysis, title?: string): void {
  const lines = [`${file}${title ? ` — ${title}` : ''}`];
  if (!analysis.supported) {
    lines.push(`language ${analysis.language.code}: not supported by the model, nothing scored`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (analysis.source) {
    lines.push(`source ${analysis.source.domain}:`);
    for (const r of analysis.source.ratings) lines.push(`  ${r.says}`);
  }
  lines.push(`risk ${analysis.risk}/100 (${analysis.level}) · language ${analysis.language.code} · ${analysis.sentenceCount} sentences${analysis.truncated ? ' (truncated)' : ''}`);
  for (const c of analysis.categories) lines.push(`  ${c.id.padEnd(16)} ${String(c.score).padStart(3)}/100  ${c.flagged} flagged`);
  for (const claim of analysis.claims ?? []) {
    const best = claim.matches[0];
    lines.push(`resembles a claim debunked by ${best.source} (${best.verdict}; similarity ${best.similarity.toFixed(2)}): "${best.claim}" ${best.url}`);
    lines.push(`  page: "${claim.sentence.text}" [${claim.sentence.start}-${claim.sentence.end}]`);
  }
  lines.push('', `${analysis.findings.length} flagged passage(s):`);
  for (const f of analysis.findings) {
    const labels = f.labels.map((l) => `${l.label} ${l.score.toFixed(2)}`).join(', ');
    lines.push(`- [${f.sentence.start}-${f.sentence.end}]${f.isHeadline ? ' (headline)' : ''} ${labels}`);
    lines.push(`  "${f.sentence.text}"`);
    if (f.evidence.length > 0) lines.push(`  evidence: ${f.evidence.map((e) => `"${e.text}" [${e.start}-${e.end}]`).join(', ')}`);
    lines.push(...suggestionLines(f));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function suggestionLines({ suggestion }: Finding): string[] {
  const lines = [`  ask: ${suggestion.question}`];
  const { rewording, spoiler } = suggestion;
  if (rewording?.note) lines.push(`  note: ${rewording.note}`);
  if (rewording && rewording.changes.length > 0) lines.push(`  neutral wording: "${rewording.text}"`);
  if (spoiler) lines.push(`  what it holds back: "${spoiler.sentence.text}" [${spoiler.sentence.start}-${spoiler.sentence.end}]`, `  informative headline: ${spoiler.headline}`);
  if (!rewording && !spoiler) lines.push(`  neutral restatement: ${suggestion.restatement}`);
  return lines;
}

async function main(): Promise<void> {
  const { flags, positional } = parseFlags(process.argv.slice(2));
  if (positional.length !== 1) throw new UsageError('give exactly one FILE.html or FILE.txt');
  const file = positional[0];
  const input = readInput(file);
  if (flags.url !== undefined && typeof flags.url !== 'string') throw new UsageError('--url needs the page address');
  if (flags.report !== undefined && flags.report !== 'md' && flags.report !== 'json') throw new UsageError('--report needs md or json');
  // An explicit --url wins over the page's own canonical/og:url.
  const url = typeof flags.url === 'string' ? flags.url : input.url;
  const analyzer = await loadNodeAnalyzer(undefined, true);
  const analysis = await analyzer.analyze({ text: input.text, title: input.title, url, kind: 'article' });
  if (flags.report === 'md' || flags.report === 'json') {
    // The report's hash is of exactly the text analysed, as in the extension (model/report.ts).
    const report = { analysis, url: url ?? null, title: input.title ?? null, textSha256: await sha256Hex(input.text), textLength: input.text.length, analysedAt: new Date(), via: 'scan' as const, version };
    process.stdout.write(flags.report === 'md' ? markdownReport(report) : jsonReportText(report));
  } else if (flags.json) process.stdout.write(`${JSON.stringify({ file, title: input.title ?? null, url: url ?? null, ...analysis })}\n`);
  else printReport(file, analysis, input.title);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`usage: scan FILE.(html|txt) [--url URL] [--json | --report md|json]\nerror: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`scan failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
