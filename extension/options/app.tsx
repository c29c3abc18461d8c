// The settings page with its storage: reads storage.sync (repairing corrupt values, and saying
// so), saves each change at once, and follows changes made elsewhere (another window, device).
import { useEffect, useRef, useState } from 'preact/hooks';
import { readSettings, saveSettings, watchSettings, type Settings, type SettingsStorage } from '../settings';
import { Options, type SaveStatus } from './components/Options';
import type { SiteAccess } from '../ui/site-access';

export function OptionsApp({ storage, access }: { storage: SettingsStorage; access?: SiteAccess }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [repaired, setRepaired] = useState<(keyof Settings)[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const saves = useRef(0);

  useEffect(() => {
    let live = true;
    const stop = watchSettings(storage, (next) => live && setSettings(next));
    void storage.sync.get(null).then(
      async (items) => {
        const loaded = readSettings(items);
        if (!live) return;
        setSettings((current) => current ?? loaded.settings);
        setRepaired(loaded.repaired.map((r) => r.name));
        if (Object.keys(loaded.writeBack).length > 0) await storage.sync.set(loaded.writeBack).catch((error: unknown) => console.warn('Unspin settings: could not save repairs', error));
      },
      (error: unknown) => live && setStatus({ kind: 'failed', error: String(error) }),
    );
    return () => {
      live = false;
      stop();
    };
  }, [storage]);

  const onChange = (change: Partial<Settings>) => {
    // Choosing "check every page" asks the browser at once, while the click still counts as a gesture.
    if (change.scanMode === 'auto' && access?.everyPage === false) access.allow();
    const save = ++saves.current;
    setSettings((current) => (current ? { ...current, ...change } : current));
    setStatus({ kind: 'saving' });
    saveSettings(storage.sync, change).then(
      () => save === saves.current && setStatus({ kind: 'saved' }),
      (error: unknown) => {
        setStatus({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
        // Show what is really stored, not the change that failed.
        void storage.sync.get(null).then((items) => setSettings(readSettings(items, undefined, undefined, () => undefined).settings));
      },
    );
  };

  return <Options settings={settings} repaired={repaired} status={status} onChange={onChange} access={access} />;
}
