import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { isTopModal, keepTabInside, pushModal } from './modalStack';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Added to the dialog's own class, for a dialog laid out its own way. */
  readonly className?: string;
}

/**
 * A modal dialog: labelled by its title, focus moved inside once when it opens (and given back
 * when it closes), Escape closes, Tab stays inside. Rendered into <body>, outside the app (which
 * is inert meanwhile), so no ancestor's overflow, transform or stacking can clip or cover it.
 */
export function Dialog({ title, onClose, children, className }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Callers pass a new onClose on every render. Keyed on it, the focus effect ran again whenever
  // the owner re-rendered (a profile saved, a peer's edit) and pulled focus back to the first
  // field while the person typed further down: typing went into the wrong field.
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    const leave = pushModal(dialog);
    const first = dialog.querySelector<HTMLElement>('textarea, input, select, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (!isTopModal(dialog)) return;
      if (e.key === 'Escape') close.current();
      else keepTabInside(dialog, e);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      leave();
      previous?.focus();
    };
  }, []);

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget) return;
        // Not the browser's default (focus to <body>): focus goes back where it was.
        e.preventDefault();
        onClose();
      }}
    >
      <div
        ref={ref}
        className={className ? `dialog panel ${className}` : 'dialog panel'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
