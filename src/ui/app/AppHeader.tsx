import { lazy, Suspense, useState } from 'react';
import { PwaHeaderActions } from '../pwa/PwaHeaderActions';
import { StorageButton } from '../pwa/StorageButton';
import { AiHeaderButtons } from '../ai/AiHeaderButtons';
import { SCREENPLAY_EXTENSIONS } from '../../export/screenplayExtensions';
import { HiddenFileInput } from './HiddenFileInput';
import { ImportScreenplayButton } from './ImportScreenplayButton';
import { NewProjectAspect } from '../projects/NewProjectAspect';
import { NEW_PROJECT_BUTTON_ID } from './newProjectButton';
import { PaletteButton } from '../palette/PaletteHost';
import { usePaletteCommands } from '../palette/usePaletteCommands';
import { navigate } from './route';
import type { FileImports } from './useFileImports';

// Loaded when first opened, not with the app shell.
const PasteScreenplayDialog = lazy(async () => ({
  default: (await import('./PasteScreenplayDialog')).PasteScreenplayDialog,
}));

interface Props {
  readonly imports: FileImports;
  /** In a project the screenplay actions live in the project's own empty state. */
  readonly inProject: boolean;
}

export function AppHeader({ imports, inProject }: Props) {
  const [pasting, setPasting] = useState(false);
  const { registerScreenplayInput, registerProjectInput } = imports;
  usePaletteCommands({
    pasteScript: inProject || imports.busy ? undefined : () => setPasting(true),
  });
  return (
    <header className={inProject ? 'app-header' : 'app-header on-list'} data-region="header">
      <a className="brand" href="#/" aria-label="Frameline — all projects">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span>Frameline</span>
      </a>
      {inProject ? (
        <a className="button quiet" href="#/">
          ← All projects
        </a>
      ) : null}
      <nav className="header-actions" aria-label="Projects">
        {inProject ? null : <NewProjectAspect />}
        <button
          id={NEW_PROJECT_BUTTON_ID}
          className="button"
          type="button"
          disabled={imports.busy}
          onClick={() => void imports.createProject()}
        >
          New project
        </button>
        {inProject ? null : (
          <>
            <button
              className="button"
              type="button"
              onClick={() => navigate({ name: 'idea', runId: 'new' })}
            >
              From an idea
            </button>
            <ImportScreenplayButton imports={imports} />
            <button
              className="button quiet"
              type="button"
              disabled={imports.busy}
              onClick={() => setPasting(true)}
            >
              Paste script
            </button>
          </>
        )}
        <button
          className="button"
          type="button"
          disabled={imports.busy}
          onClick={imports.chooseProject}
        >
          Import project
        </button>
        <PwaHeaderActions imports={imports} />
      </nav>
      <AiHeaderButtons
        before={
          <>
            <PaletteButton />
            <StorageButton />
          </>
        }
      />
      <HiddenFileInput
        ref={registerScreenplayInput}
        label="Screenplay file"
        accept={[...SCREENPLAY_EXTENSIONS, 'text/plain', 'application/pdf'].join(',')}
        onFile={(file) => void imports.importScreenplayFile(file)}
      />
      <HiddenFileInput
        ref={registerProjectInput}
        label="Project file"
        accept=".json,application/json"
        onFile={(file) => void imports.importProjectFile(file)}
      />
      <Suspense fallback={null}>
        {pasting ? (
          <PasteScreenplayDialog
            onClose={() => setPasting(false)}
            onImport={(text) => imports.importScreenplayText(text, '')}
          />
        ) : null}
      </Suspense>
    </header>
  );
}
