/**
 * The dialogs open now, newest last. Only the newest answers Escape and keeps Tab inside it, and
 * while any is open the app under them (#root) is inert: a click or Tab cannot reach a control
 * behind the backdrop, and screen readers read only the dialog. A full-screen layer that lives
 * inside the app (the frame editor, play mode) makes everything around it inert instead.
 */
const open: HTMLElement[] = [];

const appRoot = () => document.getElementById('root');

export function pushModal(dialog: HTMLElement): () => void {
  open.push(dialog);
  const root = appRoot();
  const inside = root !== null && root.contains(dialog);
  const restore = inside ? inertAround(dialog, root) : null;
  if (!inside) root?.setAttribute('inert', '');
  return () => {
    const index = open.indexOf(dialog);
    if (index >= 0) open.splice(index, 1);
    restore?.();
    if (!open.some((d) => !root?.contains(d))) root?.removeAttribute('inert');
  };
}

/** Whether a dialog or full-screen layer is open (page-wide keys such as F6 and ? stand aside). */
export function anyModalOpen(): boolean {
  return open.length > 0;
}

/**
 * Makes inert every element of `root` that neither holds `layer` nor is inside it (the siblings
 * of the layer and of each of its ancestors), and gives back a function that undoes exactly that.
 */
export function inertAround(layer: HTMLElement, root: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let node: HTMLElement = layer; node !== root && node.parentElement;) {
    const parent: HTMLElement = node.parentElement;
    for (const sibling of parent.children) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
      sibling.inert = true;
      made.push(sibling);
    }
    node = parent;
  }
  return () => made.forEach((element) => (element.inert = false));
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
