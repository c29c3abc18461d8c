// A list of sites (never check / always warn): add with an inline error for what isn't a site,
// remove, show. The list is saved on every change.
import { useState } from 'preact/hooks';
import { addSite, MAX_SITES } from '../../settings';
import { OPTIONS_STRINGS as S } from '../strings';
import { colon } from '../../ui/strings';
import { Group } from './Choice';

export function SiteListGroup({ id, heading, hint, sites, onChange }: { id: string; heading: string; hint: string; sites: readonly string[]; onChange: (sites: string[]) => void }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;

  const add = (event: Event) => {
    event.preventDefault();
    // What the field holds now (autofill or a paste may not have gone through onInput yet).
    const typed = (event.currentTarget as HTMLFormElement).querySelector('input')?.value ?? input;
    const result = addSite(sites, typed);
    if (!result.ok) {
      setError(result.reason === 'invalid' ? S.invalidSite : result.reason === 'duplicate' ? S.duplicateSite(result.site ?? typed) : S.tooManySites(MAX_SITES));
      return;
    }
    setError('');
    setInput('');
    onChange(result.sites);
  };

  return (
    <Group id={id} heading={heading} hint={hint}>
      <form class="site-form" onSubmit={add} noValidate>
        <label class="sr-only" for={inputId}>
          {`${colon(heading)} ${S.siteInput}`}
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={S.siteInput}
          value={input}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${errorId} ${id}-hint` : `${id}-hint`}
          onInput={(e) => {
            setInput((e.currentTarget as HTMLInputElement).value);
            if (error) setError('');
          }}
        />
        <button type="submit">{S.addSite}</button>
      </form>
      {error && (
        <p class="error" id={errorId} role="alert">
          {error}
        </p>
      )}
      {sites.length === 0 ? (
        <p class="note empty">{S.noSites}</p>
      ) : (
        <ul class="sites" aria-label={heading}>
          {sites.map((site) => (
            <li key={site} class="site">
              <span class="site-name">{site}</span>
              <button type="button" class="remove" aria-label={S.removeSiteLabel(site, heading)} onClick={() => onChange(sites.filter((s) => s !== site))}>
                {S.removeSite}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Group>
  );
}
