// Which categories to show: one checkbox each, with what the category is.
import type { CategoryId } from '../../../model/types';
import { CATEGORY_IDS, type Settings } from '../../settings';
import { OPTIONS_STRINGS as S } from '../strings';
import { Group } from './Choice';

export function CategoriesGroup({ value, onChange }: { value: Settings['categories']; onChange: (value: Settings['categories']) => void }) {
  const toggle = (id: CategoryId, on: boolean) => onChange({ ...value, [id]: on });
  return (
    <Group id="categories" heading={S.categoriesHeading} hint={S.categoriesHint}>
      <fieldset class="choices" aria-labelledby="categories-heading" aria-describedby="categories-hint">
        {CATEGORY_IDS.map((id) => (
          <div class="choice" key={id}>
            <input type="checkbox" id={`category-${id}`} checked={value[id]} aria-describedby={`category-${id}-note`} onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)} />
            <label for={`category-${id}`}>{S.category[id]}</label>
            <p class="note" id={`category-${id}-note`}>
              {S.categoryHint[id]}
            </p>
          </div>
        ))}
      </fieldset>
    </Group>
  );
}
