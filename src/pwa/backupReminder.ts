/**
 * "Back up your projects": everything lives in one browser's storage, which a cleared profile or a
 * lost laptop takes with it. After a week without an export, if projects changed since, the app
 * suggests a one-click backup. Remembered in localStorage: it is about this browser only.
 */
export const BACKUP_REMINDER_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** "Later" hides the reminder for this long. */
export const BACKUP_SNOOZE_MS = 24 * 60 * 60 * 1000;

const KEYS = {
  lastExportAt: 'frameline.lastExportAt',
  firstSeenAt: 'frameline.firstSeenAt',
  snoozedUntil: 'frameline.backupSnoozedUntil',
} as const;

export interface BackupState {
  readonly lastExportAt: number | null;
  /** When this browser first ran a Frameline that reminds: the clock for "never exported". */
  readonly firstSeenAt: number;
  readonly snoozedUntil: number | null;
}

export function shouldRemindBackup(
  state: BackupState,
  /** The newest `updatedAt` among the projects, or null without projects. */
  lastEditAt: number | null,
  now: number,
): boolean {
  if (lastEditAt === null) return false;
  if (state.snoozedUntil !== null && now < state.snoozedUntil) return false;
  if (now - (state.lastExportAt ?? state.firstSeenAt) < BACKUP_REMINDER_AFTER_MS) return false;
  return state.lastExportAt === null || lastEditAt > state.lastExportAt;
}

function readNumber(key: string): number | null {
  const value = Number(localStorage.getItem(key));
  return Number.isFinite(value) && value > 0 ? value : null;
}

export function readBackupState(now = Date.now()): BackupState {
  let firstSeenAt = readNumber(KEYS.firstSeenAt);
  if (firstSeenAt === null) {
    firstSeenAt = now;
    localStorage.setItem(KEYS.firstSeenAt, String(now));
  }
  return {
    lastExportAt: readNumber(KEYS.lastExportAt),
    firstSeenAt,
    snoozedUntil: readNumber(KEYS.snoozedUntil),
  };
}

/** Any bundle or backup export counts. */
export function recordExport(now = Date.now()): void {
  localStorage.setItem(KEYS.lastExportAt, String(now));
  localStorage.removeItem(KEYS.snoozedUntil);
}

export function snoozeBackupReminder(now = Date.now()): void {
  localStorage.setItem(KEYS.snoozedUntil, String(now + BACKUP_SNOOZE_MS));
}
