/**
 * Whether the Settings dialog is open, as a tiny store: a "Generate" button with no provider set
 * up can open it from anywhere, without prop drilling.
 */
export type SettingsSection = 'providers' | 'keys';

let open: SettingsSection | null = null;
const listeners = new Set<() => void>();

export const settingsDialogStore = {
  get: (): SettingsSection | null => open,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function openSettings(section: SettingsSection = 'providers'): void {
  open = section;
  for (const listener of listeners) listener();
}

export function closeSettings(): void {
  open = null;
  for (const listener of listeners) listener();
}
