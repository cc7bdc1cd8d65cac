/**
 * The dialogs open now, newest last. Only the newest answers Escape and keeps Tab inside it, and
 * while any is open the app under them (#root) is inert: a click or Tab cannot reach a control
 * behind the backdrop, and screen readers read only the dialog.
 */
const open: HTMLElement[] = [];

const appRoot = () => document.getElementById('root');

export function pushModal(dialog: HTMLElement): () => void {
  open.push(dialog);
  appRoot()?.setAttribute('inert', '');
  return () => {
    const index = open.indexOf(dialog);
    if (index >= 0) open.splice(index, 1);
    if (open.length === 0) appRoot()?.removeAttribute('inert');
  };
}

export function isTopModal(dialog: HTMLElement): boolean {
  return open[open.length - 1] === dialog;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
export function keepTabInside(dialog: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (control) => control.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
