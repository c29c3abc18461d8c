// One bar per category the model provides.
import type { CategoryScore } from '../../../model/types';
import { CATEGORY_NAMES } from '../../ui/labels';

export function CategoryBars({ categories }: { categories: CategoryScore[] }) {
  return (
    <ul class="categories">
      {categories.map((c) => (
        <li key={c.id} class="category">
          <span class="category-name">{CATEGORY_NAMES[c.id]}</span>
          <span class="bar" role="meter" aria-label={CATEGORY_NAMES[c.id]} aria-valuemin={0} aria-valuemax={100} aria-valuenow={c.score}>
            <span class="bar-fill" style={{ width: `${c.score}%` }} />
          </span>
          <span class="category-score">{c.score}</span>
        </li>
      ))}
    </ul>
  );
}
