import type { FileImports } from './useFileImports';

/** "Import screenplay": opens the app's one screenplay file chooser. */
export function ImportScreenplayButton({
  imports,
  primary = false,
}: {
  readonly imports: FileImports;
  readonly primary?: boolean;
}) {
  return (
    <button
      className={primary ? 'button primary' : 'button'}
      type="button"
      disabled={imports.busy}
      onClick={imports.chooseScreenplay}
    >
      Import screenplay
    </button>
  );
}
