// A finished analysis: gauge, summary, categories, flagged passages, then context: sentences that
// resemble debunked claims, and what source lists say about the site.
import type { PageAnalysis } from '../../../model/types';
import { STRINGS, summaryOf } from '../../ui/strings';
import { uiLanguage } from '../../ui/i18n';
import { CategoryBars } from './CategoryBars';
import { ClaimsSection } from './Claims';
import { FindingList } from './FindingList';
import { Gauge } from './Gauge';
import { SourceSection } from './SourceSection';
import { HiddenNote } from './SettingsNotes';
import { visibleAnalysis } from '../../settings';
import type { CategoryId } from '../../../model/types';

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function Report({ analysis: full, onShow, shown }: { analysis: PageAnalysis; onShow?: (id: string) => void; shown?: Readonly<Record<CategoryId, boolean>> }) {
  // Hidden categories (settings) are not listed; the risk and summary still count them.
  const analysis = shown ? visibleAnalysis(full, shown) : full;
  if (!analysis.supported) {
    return (
      <section class="state">
        <p>{STRINGS.unsupportedLanguage(languageName(analysis.language.code))}</p>
        <SourceSection source={analysis.source} />
      </section>
    );
  }
  const body = full.findings.filter((f) => !f.isHeadline).length;
  const clickbait = full.categories.some((c) => c.id === 'clickbait' && c.flagged > 0);
  return (
    <>
      <section class="overview">
        <Gauge risk={analysis.risk} level={analysis.level} />
        <p class="summary">{summaryOf(analysis.level, body, analysis.sentenceCount, clickbait)}</p>
      </section>
      <HiddenNote shown={shown} />
      <CategoryBars categories={analysis.categories} />
      {analysis.findings.length === 0 ? (
        <section class="state">
          <p>{STRINGS.nothingFound}</p>
          <p class="hint">{STRINGS.nothingFoundHint}</p>
        </section>
      ) : (
        <FindingList findings={analysis.findings} claims={analysis.claims} onShow={onShow} />
      )}
      <ClaimsSection claims={analysis.claims} findings={analysis.findings} onShow={onShow} />
      <SourceSection source={analysis.source} />
    </>
  );
}
