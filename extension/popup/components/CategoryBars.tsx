// One bar per category the model provides: what the text does, then (when the analysis has them)
// the context categories, debunked-claim resemblance and what source lists say.
import type { CategoryScore } from '../../../model/types';
import { CATEGORY_NAMES } from '../../ui/labels';
import { STRINGS } from '../../ui/strings';

const CONTEXT = new Set<string>(['claims', 'source']);

function Bars({ categories }: { categories: CategoryScore[] }) {
  return (
    <>
      {categories.map((c) => (
        <li key={c.id} class="category">
          <span class="category-name">{CATEGORY_NAMES[c.id] ?? c.id}</span>
          <span class="bar" role="meter" aria-label={CATEGORY_NAMES[c.id] ?? c.id} aria-valuemin={0} aria-valuemax={100} aria-valuenow={c.score}>
            <span class="bar-fill" style={{ width: `${Math.max(0, Math.min(100, c.score))}%` }} />
          </span>
          <span class="category-score">{c.score}</span>
        </li>
      ))}
    </>
  );
}

export function CategoryBars({ categories }: { categories: CategoryScore[] }) {
  const content = categories.filter((c) => !CONTEXT.has(c.id));
  const context = categories.filter((c) => CONTEXT.has(c.id));
  return (
    <>
      <ul class="categories">
        <Bars categories={content} />
      </ul>
      {context.length > 0 && (
        <ul class="categories categories-context" aria-label={STRINGS.contextHeading}>
          <li class="categories-label" aria-hidden="true">
            {STRINGS.contextHeading}
          </li>
          <Bars categories={context} />
        </ul>
      )}
    </>
  );
}
