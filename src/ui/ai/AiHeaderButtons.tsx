import { lazy, Suspense, useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import { usePaletteCommands } from '../palette/usePaletteCommands';
import { closeSettings, openSettings, settingsDialogStore } from './settingsDialogStore';

// The dialogs (and the provider adapters behind them) load when opened, not with the app shell.
const SettingsDialog = lazy(async () => ({
  default: (await import('./SettingsDialog')).SettingsDialog,
}));
const UsageDialog = lazy(async () => ({ default: (await import('./UsageDialog')).UsageDialog }));

/**
 * "Settings" and "Usage" in the app header, and the dialogs they open; `before` goes first in
 * the same group (the app-wide Storage button).
 */
export function AiHeaderButtons({ before }: { readonly before?: ReactNode }) {
  const settings = useSyncExternalStore(settingsDialogStore.subscribe, settingsDialogStore.get);
  const [usage, setUsage] = useState(false);
  // Stable, so the dialog does not move focus back to its first field on every render.
  const closeUsage = useCallback(() => setUsage(false), []);
  usePaletteCommands({ settings: () => openSettings(), usage: () => setUsage(true) });
  return (
    <nav className="header-actions ai-header" aria-label="App">
      {before}
      <button className="button quiet" type="button" onClick={() => openSettings()}>
        Settings
      </button>
      <button className="button quiet" type="button" onClick={() => setUsage(true)}>
        Usage
      </button>
      <Suspense fallback={null}>
        {settings ? <SettingsDialog focus={settings} onClose={closeSettings} /> : null}
        {usage ? <UsageDialog onClose={closeUsage} /> : null}
      </Suspense>
    </nav>
  );
}
