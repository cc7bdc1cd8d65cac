import { useCallback, useMemo, useRef, useState } from 'react';
import { projectFromJson } from '../../export/projectJson';
import type { ScreenplayImport } from '../../export/screenplayImport';
import type { ProjectId } from '../../model/ids';
import { plural } from '../common/format';
import { importBundleFile, isBundleFileName } from '../pwa/bundleImport';
import { projectDoc } from '../../store';
import { getActiveSession } from './activeSession';
import { navigate } from './route';
import { useServices } from './servicesContext';
import { showError, showToast } from './toastStore';

export { SCREENPLAY_EXTENSIONS } from '../../export/screenplayExtensions';
export const PROJECT_EXTENSIONS = ['.json'];

/**
 * The parser, planner and file readers load with the first import, not with the app: they are
 * the biggest part of the code and most sessions open existing projects.
 */
async function loadScreenplayImport() {
  const [file, convert] = await Promise.all([
    import('../../export/screenplayFile'),
    import('../../export/screenplayImport'),
  ]);
  return { ...file, ...convert };
}

export interface FileImports {
  readonly busy: boolean;
  /** The app's one screenplay file input ("Screenplay file") and project file input. */
  readonly registerScreenplayInput: (element: HTMLInputElement | null) => void;
  readonly registerProjectInput: (element: HTMLInputElement | null) => void;
  chooseScreenplay(): void;
  chooseProject(): void;
  createProject(): Promise<void>;
  importScreenplayText(text: string, fileName: string): Promise<boolean>;
  importScreenplayFile(file: File): Promise<boolean>;
  importProjectFile(file: File): Promise<boolean>;
  /** Drops and OS hand-offs: each file goes to the importer its name calls for. */
  importFiles(files: readonly File[]): Promise<void>;
}

/**
 * Everything that turns a file into a project. Each import validates fully first and only then
 * creates a new project, so a bad file changes nothing and says what was wrong and where.
 */
export function useFileImports(): FileImports {
  const { repo, assets } = useServices();
  const [busy, setBusy] = useState(false);
  const screenplayInput = useRef<HTMLInputElement | null>(null);
  const projectInput = useRef<HTMLInputElement | null>(null);

  const guarded = useCallback(async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    setBusy(true);
    try {
      return await work();
    } catch (error) {
      showError('Import failed', error);
      return fallback;
    } finally {
      setBusy(false);
    }
  }, []);

  const open = useCallback((id: ProjectId) => navigate({ name: 'project', id }), []);

  /** Puts a checked screenplay into the open empty project, or into a new one. */
  const importScreenplay = useCallback(
    (read: () => Promise<ScreenplayImport>) =>
      guarded(async () => {
        const result = await read();
        if (!result.ok) {
          showToast({ kind: 'error', title: 'Screenplay not imported', detail: result.error });
          return false;
        }
        const { scenes, shots } = result.snapshot;
        const detail = `${plural(scenes.length, 'scene')}, ${plural(shots.length, 'shot')}.`;
        const target = getActiveSession();
        if (target && !target.readOnly && target.getState().snapshot.scenes.length === 0) {
          // An empty open project ("New project", then import) is filled rather than duplicated.
          projectDoc.appendScenes(target.doc, result.snapshot);
          if (/^Untitled/.test(target.getState().snapshot.meta.title)) {
            projectDoc.updateMeta(target.doc, { title: result.snapshot.meta.title });
          }
          showToast({ kind: 'info', title: `Imported “${result.snapshot.meta.title}”`, detail });
          return true;
        }
        const id = await repo.create(result.snapshot);
        showToast({ kind: 'info', title: `Imported “${result.snapshot.meta.title}”`, detail });
        open(id);
        return true;
      }, false),
    [guarded, open, repo],
  );

  const importScreenplayText = useCallback(
    (text: string, fileName: string) =>
      importScreenplay(async () =>
        (await loadScreenplayImport()).screenplayToSnapshot(text, fileName),
      ),
    [importScreenplay],
  );

  const importScreenplayFile = useCallback(
    (file: File) =>
      importScreenplay(async () => {
        const { readScreenplayBytes, scriptToSnapshot } = await loadScreenplayImport();
        const bytes = new Uint8Array(await file.arrayBuffer());
        return scriptToSnapshot(await readScreenplayBytes(bytes, file.name), file.name);
      }),
    [importScreenplay],
  );

  const importProjectFile = useCallback(
    (file: File) =>
      guarded(async () => {
        const result = await projectFromJson(await file.text(), `“${file.name}”`);
        if (!result.ok) {
          showToast({ kind: 'error', title: 'Project not imported', detail: result.error });
          return false;
        }
        for (const asset of result.assets) await assets.put(asset.bytes, asset.mimeType);
        const id = await repo.create(result.snapshot);
        showToast({ kind: 'info', title: `Imported project “${result.snapshot.meta.title}”` });
        open(id);
        return true;
      }, false),
    [assets, guarded, open, repo],
  );

  const createProject = useCallback(
    () =>
      guarded(async () => {
        open(await repo.create({ title: 'Untitled project' }));
      }, undefined),
    [guarded, open, repo],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        const name = file.name.toLowerCase();
        if (isBundleFileName(name)) await importBundleFile(file, repo);
        else if (PROJECT_EXTENSIONS.some((ext) => name.endsWith(ext)))
          await importProjectFile(file);
        else await importScreenplayFile(file);
      }
    },
    [importProjectFile, importScreenplayFile, repo],
  );

  return useMemo(
    () => ({
      busy,
      registerScreenplayInput: (element: HTMLInputElement | null) => {
        screenplayInput.current = element;
      },
      registerProjectInput: (element: HTMLInputElement | null) => {
        projectInput.current = element;
      },
      chooseScreenplay: () => screenplayInput.current?.click(),
      chooseProject: () => projectInput.current?.click(),
      createProject,
      importScreenplayText,
      importScreenplayFile,
      importProjectFile,
      importFiles,
    }),
    [
      busy,
      createProject,
      importScreenplayText,
      importScreenplayFile,
      importProjectFile,
      importFiles,
    ],
  );
}
