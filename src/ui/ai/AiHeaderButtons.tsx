import { useCallback, useState, useSyncExternalStore } from 'react';
import { closeSettings, openSettings, settingsDialogStore } from './settingsDialogStore';
import { SettingsDialog } from './SettingsDialog';
import { UsageDialog } from './UsageDialog';

/** "Settings" and "Usage" in the app header, and the dialogs they open. */
export function AiHeaderButtons() {
  const settings = useSyncExternalStore(settingsDialogStore.subscribe, settingsDialogStore.get);
  const [usage, setUsage] = useState(false);
  // Stable, so the dialog does not move focus back to its first field on every render.
  const closeUsage = useCallback(() => setUsage(false), []);
  return (
    <nav className="header-actions ai-header" aria-label="App">
      <button className="button quiet" type="button" onClick={() => openSettings()}>
        Settings
      </button>
      <button className="button quiet" type="button" onClick={() => setUsage(true)}>
        Usage
      </button>
      {settings ? <SettingsDialog focus={settings} onClose={closeSettings} /> : null}
      {usage ? <UsageDialog onClose={closeUsage} /> : null}
    </nav>
  );
}
