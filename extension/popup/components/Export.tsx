// "Export a report": Markdown to the clipboard or a file, JSON to a file (model/report.ts builds
// both). Downloads go through a Blob URL and <a download>: no "downloads" permission.
import { useState } from 'preact/hooks';
import { version } from '../../../package.json';
import { jsonReportText, markdownReport, reportFileName, type ReportInput } from '../../../model/report';
import { EXPORT_STRINGS } from '../../history/strings';

/** What a report is made from: an analysis and what the worker knows about its page. */
export type ReportSource = Omit<ReportInput, 'via' | 'version' | 'generatedAt'>;

export const EXTENSION_VERSION: string = version;

const input = (source: ReportSource): ReportInput => ({ ...source, via: 'extension', version: EXTENSION_VERSION, generatedAt: new Date() });

/** Saves text as a file through a temporary Blob URL. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function Export({ source, headingLevel = 2 }: { source: ReportSource; headingLevel?: 2 | 3 }) {
  const [status, setStatus] = useState('');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdownReport(input(source)));
      setStatus(EXPORT_STRINGS.copied);
    } catch {
      setStatus(EXPORT_STRINGS.copyFailed);
    }
  };
  const download = (format: 'md' | 'json') => {
    const report = input(source);
    const name = reportFileName(report, format);
    if (format === 'md') downloadText(markdownReport(report), name, 'text/markdown;charset=utf-8');
    else downloadText(jsonReportText(report), name, 'application/json;charset=utf-8');
    setStatus(EXPORT_STRINGS.downloaded(name));
  };
  return (
    <section class="export" aria-labelledby="export-heading">
      <Heading id="export-heading">{EXPORT_STRINGS.heading}</Heading>
      <p class="hint">{EXPORT_STRINGS.hint}</p>
      <div class="export-buttons">
        <button type="button" class="export-copy-md" onClick={() => void copy()}>
          {EXPORT_STRINGS.copyMarkdown}
        </button>
        <button type="button" class="export-md" onClick={() => download('md')}>
          {EXPORT_STRINGS.downloadMarkdown}
        </button>
        <button type="button" class="export-json" onClick={() => download('json')}>
          {EXPORT_STRINGS.downloadJson}
        </button>
      </div>
      <p class="export-status hint" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
