// What published source lists say about the page's site: each list's words, its name and date,
// and that these are the lists' words when compiled, not Unspin's verdict.
import type { SourceRating, SourceReport } from '../../../model/sources';
import { STRINGS } from '../../ui/strings';

function ratingLine(rating: SourceRating): { says: string; list: string | null } {
  const list = typeof rating.list === 'string' ? rating.list : '';
  const date = typeof rating.listDate === 'string' ? rating.listDate : '';
  const says = typeof rating.says === 'string' ? rating.says : '';
  // `says` usually names its list and date already ("MBFC via Baly et al. (2020): ...").
  const named = list !== '' && says.includes(list) && (date === '' || says.includes(date));
  return { says, list: named || list === '' ? null : STRINGS.listDated(list, date) };
}

export function SourceSection({ source }: { source: SourceReport | null | undefined }) {
  if (source === undefined) return null;
  const ratings = source && Array.isArray(source.ratings) ? source.ratings.filter((r) => typeof r?.says === 'string' && r.says !== '') : [];
  return (
    <section class="source" aria-labelledby="source-heading">
      <h2 id="source-heading">{STRINGS.sourceHeading}</h2>
      {source === null || ratings.length === 0 ? (
        <p class="hint">{STRINGS.noListRates}</p>
      ) : (
        <>
          <p class="source-domain">{source.domain}</p>
          <ul class="ratings">
            {ratings.map((rating, i) => {
              const line = ratingLine(rating);
              return (
                <li key={i} class="rating">
                  {line.list && <span class="rating-list">{line.list}: </span>}
                  <span class="rating-says">{line.says}</span>
                  {rating.matched && rating.matched !== source.domain && <span class="hint"> ({STRINGS.ratedEntry(rating.matched)})</span>}
                </li>
              );
            })}
          </ul>
          <p class="caveat">{STRINGS.sourceCaveat}</p>
        </>
      )}
    </section>
  );
}
