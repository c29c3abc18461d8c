// Site access: whether the browser lets Unspin read pages as they open (extension/access.ts).
// Needed only when pages are checked automatically; a click on the toolbar button is enough otherwise.
import type { ScanMode } from '../../settings';
import type { SiteAccess } from '../../ui/site-access';
import { OPTIONS_STRINGS as S } from '../strings';
import { Group } from './Choice';

export function SiteAccessGroup({ access, scanMode }: { access: SiteAccess; scanMode: ScanMode }) {
  if (access.everyPage === undefined) return null;
  return (
    <Group id="site-access" heading={S.accessHeading} hint={S.accessHint}>
      {access.everyPage ? (
        <p class="note access-granted">
          {S.accessGranted}{' '}
          <button type="button" class="access-revoke" onClick={access.revoke}>
            {S.accessRevoke}
          </button>
        </p>
      ) : (
        <p class="note access-missing" role={scanMode === 'auto' ? 'alert' : undefined}>
          {scanMode === 'auto' ? S.accessMissing : S.accessClickMode}{' '}
          <button type="button" class="access-allow" onClick={access.allow}>
            {S.accessAllow}
          </button>
        </p>
      )}
    </Group>
  );
}
