import { useEffect, useRef, type ReactNode } from 'react';
import { drawerOpened } from '../common/drawerState';

interface Props {
  readonly title: string;
  readonly hideLabel: string;
  readonly onHide: () => void;
  readonly children: ReactNode;
}

/**
 * A side panel over the inspector: not modal (the boards stay usable), Escape hides it. The
 * inspector under it is inert meanwhile (drawerState.ts); focus that was there comes in here.
 */
export function Drawer({ title, hideLabel, onHide, children }: Props) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const covered = document.activeElement?.closest('[data-region="inspector"]');
    const closeDrawer = drawerOpened();
    if (covered) ref.current?.querySelector<HTMLElement>('button')?.focus();
    return closeDrawer;
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onHide();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHide]);
  return (
    <aside ref={ref} className="drawer panel" aria-label={title}>
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
