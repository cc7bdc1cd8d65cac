import { forwardRef, useId } from 'react';

interface Props {
  /** The input's accessible name, e.g. "Screenplay file". */
  readonly label: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
}

/**
 * The real <input type=file>, labelled but not displayed. Buttons open it with `.click()`; it stays
 * out of the accessibility tree as a button (a file input is one) so it never shadows them, and
 * automation can still set files on it by its label.
 */
export const HiddenFileInput = forwardRef<HTMLInputElement, Props>(function HiddenFileInput(
  { label, accept, onFile },
  ref,
) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} hidden>
        {label}
      </label>
      <input
        id={id}
        ref={ref}
        hidden
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // choosing the same file again must fire again
          if (file) onFile(file);
        }}
      />
    </>
  );
});
