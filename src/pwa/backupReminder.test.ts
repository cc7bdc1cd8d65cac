import { describe, expect, test } from 'vitest';
import { BACKUP_REMINDER_AFTER_MS, shouldRemindBackup, type BackupState } from './backupReminder';

const DAY = 24 * 60 * 60 * 1000;
const now = 100 * DAY;
const state = (patch: Partial<BackupState>): BackupState => ({
  lastExportAt: null,
  firstSeenAt: now - 30 * DAY,
  snoozedUntil: null,
  ...patch,
});

describe('the backup reminder', () => {
  test('reminds a week after the last export when projects changed since', () => {
    const last = now - BACKUP_REMINDER_AFTER_MS - 1;
    expect(shouldRemindBackup(state({ lastExportAt: last }), last + DAY, now)).toBe(true);
  });

  test('stays quiet when nothing changed since the last export', () => {
    const last = now - 20 * DAY;
    expect(shouldRemindBackup(state({ lastExportAt: last }), last - DAY, now)).toBe(false);
  });

  test('stays quiet within a week of the last export', () => {
    const last = now - 6 * DAY;
    expect(shouldRemindBackup(state({ lastExportAt: last }), now, now)).toBe(false);
  });

  test('never exported: counts the week from the first visit', () => {
    expect(shouldRemindBackup(state({ firstSeenAt: now - 8 * DAY }), now, now)).toBe(true);
    expect(shouldRemindBackup(state({ firstSeenAt: now - 2 * DAY }), now, now)).toBe(false);
  });

  test('without projects there is nothing to back up', () => {
    expect(shouldRemindBackup(state({}), null, now)).toBe(false);
  });

  test('"Later" hides it until the snooze ends', () => {
    expect(shouldRemindBackup(state({ snoozedUntil: now + DAY }), now, now)).toBe(false);
    expect(shouldRemindBackup(state({ snoozedUntil: now - 1 }), now, now)).toBe(true);
  });
});
