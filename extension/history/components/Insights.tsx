// "Insights": over the last 30 days, the techniques, categories and sites the user met most, as
// charts with table alternatives, and what each technique is (model/guidance.ts).
import type { HistorySummary } from '../../history';
import { describeLabel as guidanceFor } from '../../ui/labels';
import { LABELS, type Label } from '../../../model/labels';
import type { CategoryId } from '../../../model/types';
import { CATEGORY_NAMES } from '../../ui/labels';
import { insightsOf } from '../insights';
import { HS } from '../strings';
import { BarChart } from './BarChart';
import { colon } from '../../ui/strings';

const isLabel = (name: string): name is Label => (LABELS as readonly string[]).includes(name);
const labelName = (name: string) => (isLabel(name) ? guidanceFor(name).name : name);
export const techniqueAnchor = (label: string) => `technique-${label.replace(/[^\w-]/g, '_')}`;
const summaryOf = (rows: { name: string; count: number }[]) => (rows.length === 0 ? HS.none : rows.map((r) => `${r.name} ${r.count}`).join(', '));

/** Opens a technique's explanation and moves focus to it. */
function openExplanation(href: string, event: Event): void {
  const target = document.getElementById(href.slice(1));
  if (!(target instanceof HTMLDetailsElement)) return;
  event.preventDefault();
  target.open = true;
  target.scrollIntoView?.({ block: 'nearest' });
  target.querySelector('summary')?.focus();
}

export function Insights({ entries, now }: { entries: readonly HistorySummary[]; now: number }) {
  const data = insightsOf(entries, now);
  if (data.pages === 0) return <p class="state">{HS.insightsEmpty}</p>;
  const techniques = data.techniques.map((t) => ({ key: t.key, name: labelName(t.key), count: t.count, href: isLabel(t.key) ? `#${techniqueAnchor(t.key)}` : undefined }));
  const categories = data.categories.map((c) => ({ key: c.key, name: CATEGORY_NAMES[c.key as CategoryId] ?? c.key, count: c.count }));
  const sites = data.sites.map((s) => ({ key: s.key, name: s.key, count: s.count, extra: s.ratings.length > 0 ? s.ratings.join('; ') : HS.notRated }));
  return (
    <div class="insights">
      <p>
        {HS.insightsIntro} <strong>{HS.pagesChecked(data.pages)}</strong>.
      </p>
      <section aria-labelledby="techniques-heading">
        <h2 id="techniques-heading">{HS.techniquesHeading}</h2>
        {techniques.length === 0 ? <p class="hint">{HS.none}</p> : <BarChart id="chart-techniques" label={HS.techniquesChart(summaryOf(techniques))} rows={techniques} nameHeader={HS.colTechnique} countHeader={HS.colPassages} onLink={openExplanation} />}
        {techniques.length > 0 && (
          <ul class="technique-links">
            {techniques.map((t) =>
              t.href ? (
                <li key={t.key}>
                  <a href={t.href} onClick={(e) => openExplanation(t.href!, e)}>
                    {HS.explainLink(t.name)}
                  </a>
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{HS.categoriesHeading}</h2>
        {categories.length === 0 ? <p class="hint">{HS.none}</p> : <BarChart id="chart-categories" label={HS.categoriesChart(summaryOf(categories))} rows={categories} nameHeader={HS.colCategory} countHeader={HS.colPages} />}
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{HS.sourcesHeading}</h2>
        {sites.length === 0 ? <p class="hint">{HS.none}</p> : <BarChart id="chart-sources" label={HS.sourcesChart(summaryOf(sites))} rows={sites} nameHeader={HS.colSite} countHeader={HS.colPages} extraHeader={HS.colLists} />}
      </section>
      {techniques.some((t) => t.href) && (
        <section aria-labelledby="explanations-heading">
          <h2 id="explanations-heading">{HS.explanationsHeading}</h2>
          {techniques.map((t) => {
            if (!isLabel(t.key)) return null;
            const g = guidanceFor(t.key);
            return (
              <details key={t.key} id={techniqueAnchor(t.key)} class="explanation">
                <summary>{g.name}</summary>
                <p>
                  <strong>{colon(HS.whatItIs)}</strong> {g.what}
                </p>
                <p>
                  <strong>{colon(HS.whyItMatters)}</strong> {g.why}
                </p>
                <p>
                  <strong>{colon(HS.askYourself)}</strong> {g.ask}
                </p>
                <p>
                  <strong>{colon(HS.example)}</strong> {g.example}
                </p>
              </details>
            );
          })}
        </section>
      )}
    </div>
  );
}
