import { useCallback, useMemo, useRef, useState } from 'react';
import type { ImportProgress, ScreenplayImportOutcome } from '../../workflows/importScreenplay';
import type { ScreenplaySource } from '../../export/screenplayJob';
import type { ProjectId } from '../../model/ids';
import { plural } from '../common/format';
import { OCR_REVIEW_MESSAGE } from '../../script/pdf/ocrReview';
import { looksLikePicture } from '../common/pictureFiles';
import { createProjectMeta } from '../../model/project';
import { aspectForNewProject } from '../projects/newProjectAspect';
import { importBundleFile, isBundleFileName } from '../pwa/bundleImport';
import { getActiveSession } from './activeSession';
import { navigate } from './route';
import { useServices } from './servicesContext';
import { showError, showToast } from './toastStore';

export { SCREENPLAY_EXTENSIONS } from '../../export/screenplayExtensions';
export const PROJECT_EXTENSIONS = ['.json'];

/**
 * The screenplay importer loads with the first import, not with the app; the parser and planner
 * run in its worker and never load on the page at all.
 */
const loadScreenplayImporter = () => import('../../workflows/importScreenplay');
/** Project JSON import (its reader and record migrations) loads the same way. */
const loadProjectImporter = () => import('../../workflows/importProjectFile');

export interface FileImports {
  readonly busy: boolean;
  /** A screenplay import under way (the progress dialog shows it), or null. */
  readonly progress: ImportProgress | null;
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
  const [progress, setProgress] = useState<ImportProgress | null>(null);
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

  /** Says how a screenplay import ended, and opens the project it made. */
  const report = useCallback(
    (outcome: ScreenplayImportOutcome): boolean => {
      switch (outcome.kind) {
        case 'cancelled':
          showToast({ kind: 'info', title: 'Import cancelled', detail: 'Nothing was changed.' });
          return false;
        case 'refused':
          showToast({ kind: 'error', title: 'Screenplay not imported', detail: outcome.error });
          return false;
        case 'stopped':
          return false;
        case 'filled':
        case 'created': {
          const { title, scenes, shots, warnings } = outcome.summary;
          const counts = `${plural(scenes, 'scene')}, ${plural(shots, 'shot')}.`;
          // A script read by OCR may have misread names and headings: say so until dismissed.
          const ocr = warnings.includes(OCR_REVIEW_MESSAGE);
          const detail = ocr ? `${counts} ${OCR_REVIEW_MESSAGE}` : counts;
          showToast({ kind: 'info', title: `Imported “${title}”`, detail, sticky: ocr });
          if (outcome.kind === 'created') open(outcome.id);
          return true;
        }
      }
    },
    [open],
  );

  /** Reads and plans in a worker; fills the open empty project, or makes a new one. */
  const importScreenplay = useCallback(
    (source: ScreenplaySource) =>
      guarded(async () => {
        const { importScreenplay: run } = await loadScreenplayImporter();
        const outcome = await run(
          { ...source, aspectRatio: aspectForNewProject() },
          {
            repo,
            activeSession: getActiveSession,
            onProgress: setProgress,
          },
        );
        return report(outcome);
      }, false),
    [guarded, repo, report],
  );

  const importScreenplayText = useCallback(
    (text: string, fileName: string) => importScreenplay({ text, fileName }),
    [importScreenplay],
  );

  const importScreenplayFile = useCallback(
    async (file: File) =>
      importScreenplay({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name }),
    [importScreenplay],
  );

  const importProjectFile = useCallback(
    (file: File) =>
      guarded(async () => {
        const { importProjectJson } = await loadProjectImporter();
        const result = await importProjectJson(await file.text(), file.name, { repo, assets });
        if (!result.ok) {
          showToast({ kind: 'error', title: 'Project not imported', detail: result.error });
          return false;
        }
        showToast({ kind: 'info', title: `Imported project “${result.title}”` });
        open(result.id);
        return true;
      }, false),
    [assets, guarded, open, repo],
  );

  const createProject = useCallback(
    () =>
      guarded(async () => {
        const meta = {
          ...createProjectMeta('Untitled project'),
          aspectRatio: aspectForNewProject(),
        };
        open(await repo.create({ meta, scenes: [], shots: [], characters: [] }));
      }, undefined),
    [guarded, open, repo],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      // Pictures are frames, not projects: they go on a board (usePictures.ts), not here.
      const pictures = files.filter(looksLikePicture);
      if (pictures.length > 0) {
        const names = pictures.map((f) => `“${f.name}”`).join(', ');
        showToast({
          kind: 'info',
          title: `${names} ${pictures.length === 1 ? 'is a picture' : 'are pictures'}`,
          detail: getActiveSession()
            ? 'Drop pictures on a board to make them its frame, or on a scene to fill its shots.'
            : 'Open a project and drop pictures on a board to make them its frame.',
        });
      }
      for (const file of files) {
        if (looksLikePicture(file)) continue;
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
      progress,
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
      progress,
      createProject,
      importScreenplayText,
      importScreenplayFile,
      importProjectFile,
      importFiles,
    ],
  );
}
