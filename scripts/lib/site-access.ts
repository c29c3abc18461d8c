// Test and benchmark runs need pages read as they open, as for a user who clicked "Allow on every
// site". Browsers show that prompt outside the page, where no automation can click it (Playwright
// and CDP have no hook for it), so runs load a copy of the built extension whose manifest lists
// its optional host permissions as granted ones. Nothing else in the copy differs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GrantedCopy {
  dir: string;
  remove(): void;
}

/** Copies `extensionDir` to a temporary directory with `optional_host_permissions` granted. */
export function withSiteAccessGranted(extensionDir: string): GrantedCopy {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-granted-'));
  cpSync(extensionDir, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { optional_host_permissions?: string[]; host_permissions?: string[] };
  if (!manifest.optional_host_permissions?.length) throw new Error(`${path}: no optional_host_permissions to grant`);
  manifest.host_permissions = [...manifest.optional_host_permissions];
  delete manifest.optional_host_permissions;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
