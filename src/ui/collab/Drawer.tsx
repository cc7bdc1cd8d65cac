import { useEffect, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly hideLabel: string;
  readonly onHide: () => void;
  readonly children: ReactNode;
}

/** A side panel over the inspector: not modal (the boards stay usable), Escape hides it. */
export function Drawer({ title, hideLabel, onHide, children }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onHide();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHide]);
  return (
    <aside className="drawer panel" aria-label={title}>
      <header className="drawer-header">
        <h2>{title}</h2>
        <button className="button quiet" type="button" onClick={onHide}>
          {hideLabel}
        </button>
      </header>
      <div className="drawer-body">{children}</div>
    </aside>
  );
}
