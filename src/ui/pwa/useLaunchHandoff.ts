import { useEffect, useRef } from 'react';
import { consumeLaunchQueue } from '../../pwa/launchQueue';
import { takeLaunchParams, takeSharedItems } from '../../pwa/shareInbox';
import type { FileImports } from '../app/useFileImports';
import { showToast } from '../app/toastStore';

let launchHandled = false;

/**
 * What the operating system hands the app on launch: files opened with Frameline (file_handlers
 * → launchQueue), files or text shared to it (share_target → the service worker's inbox), and
 * the "New project" shortcut. All of it goes through the same importers as a drop.
 */
export function useLaunchHandoff(imports: FileImports): void {
  const latest = useRef(imports);
  useEffect(() => {
    latest.current = imports;
  }, [imports]);

  useEffect(() => {
    consumeLaunchQueue((files) => void latest.current.importFiles(files));
    if (launchHandled) return;
    launchHandled = true;
    const params = takeLaunchParams();
    if (params.get('action') === 'new-project') void latest.current.createProject();
    void takeSharedItems(params).then(async ({ files, texts, failed }) => {
      if (failed) {
        showToast({
          kind: 'error',
          title: 'Nothing was imported',
          detail: 'What was shared to Frameline could not be read.',
        });
      }
      if (files.length > 0) await latest.current.importFiles([...files]);
      for (const text of texts) await latest.current.importScreenplayText(text, '');
    });
  }, []);
}
