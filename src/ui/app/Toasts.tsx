import { useRef, useSyncExternalStore } from 'react';
import { dismissToast, toastStore } from './toastStore';
import { useToastPlace } from './useToastPlace';

export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.getSnapshot);
  const column = useRef<HTMLDivElement>(null);
  // Bottom right, or top right while that would cover the field being edited.
  const place = useToastPlace(column, toasts);
  return (
    <div ref={column} className="toasts" data-place={place} aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast panel ${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
        >
          <p>
            <strong>{toast.title}</strong>
            {toast.detail ? <span className="muted"> — {toast.detail}</span> : null}
          </p>
          {toast.action ? (
            <button
              className="button"
              onClick={() => {
                toast.action?.run();
                dismissToast(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button
            className="button quiet"
            aria-label="Dismiss"
            onClick={() => dismissToast(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
