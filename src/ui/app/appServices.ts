import type { AppServices } from '../../workflows/appServices';
import { getActiveSession } from './activeSession';
import { showToast } from './toastStore';

/** The app shell's toasts and active session, for src/pwa and workflows (passed in, not imported). */
export const appServices: AppServices = {
  notify: (notice) => void showToast(notice),
  activeSession: getActiveSession,
};
