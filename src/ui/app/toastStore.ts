import type { Notice } from '../../workflows/appServices';

/** Notifications as a tiny external store, so any code path can report without prop drilling. */
export interface Toast extends Notice {
  readonly id: number;
}

/** Errors and sticky notes stay until dismissed; other information leaves by itself. */
export const INFO_TOAST_MS = 6000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { ...toast, id }];
  emit();
  if (toast.kind === 'info' && !toast.sticky) setTimeout(() => dismissToast(id), INFO_TOAST_MS);
  return id;
}

export function showError(title: string, error: unknown): number {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(title, error);
  return showToast({ kind: 'error', title, detail });
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export const toastStore = {
  getSnapshot: (): readonly Toast[] => toasts,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
