import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  /** A destructive action's button is red; Cancel has focus first either way. */
  readonly danger?: boolean;
  readonly confirmDisabled?: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/**
 * Asks before an action that changes a lot at once; says what will happen and how to undo it.
 * Enter in a field of the dialog confirms; with no field, Cancel has focus first.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: Props) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="confirm-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmDisabled) return;
          onClose();
          onConfirm();
        }}
      >
        {children}
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            className={`button ${danger ? 'danger-solid' : 'primary'}`}
            type="submit"
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
