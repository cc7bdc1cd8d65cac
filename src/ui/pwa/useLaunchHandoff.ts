import { useEffect, useRef } from 'react';
import { consumeLaunchQueue } from '../../pwa/launchQueue';
import { inAppWindow, SHARE_MAX_MB, takeLaunchParams, takeSharedItems } from '../../pwa/shareInbox';
import {
  arrivalsFrom,
  isImportable,
  type Arrival,
  type ArrivalSource,
} from '../../workflows/launchArrivals';
import type { FileImports } from '../app/useFileImports';
import { showToast } from '../app/toastStore';
import { NEW_PROJECT_BUTTON_ID } from '../app/newProjectButton';
import { askToImport } from './launchConsent';

let launchHandled = false;

/**
 * What the operating system hands the app on launch: files opened with Frameline (file_handlers
 * → launchQueue), files or text shared to it (share_target → the service worker's inbox), and
 * the "New project" shortcut. Files and text are shown to the person first (LaunchConsentDialog)
 * and go through the same importers as a drop only when they accept: a website can send the
 * browser here too, and must not be able to import anything by doing so.
 */
export function useLaunchHandoff(imports: FileImports): void {
  const latest = useRef(imports);
  useEffect(() => {
    latest.current = imports;
  }, [imports]);

  useEffect(() => {
    const offer = async (source: ArrivalSource, arrivals: readonly Arrival[]) => {
      if (arrivals.length === 0) return;
      const accepted = await askToImport(source, arrivals);
      for (const arrival of (accepted ?? []).filter(isImportable)) {
        if (arrival.kind === 'text') await latest.current.importScreenplayText(arrival.text, '');
        else await latest.current.importFiles([arrival.file]);
      }
    };
    consumeLaunchQueue((files) => void offer('open', arrivalsFrom(files)));
    if (launchHandled) return;
    launchHandled = true;
    const params = takeLaunchParams();
    if (params.get('action') === 'new-project') {
      // The installed app's "New project" shortcut opens its own window; the same address in a
      // browser tab is a link any website can make, so there it only points at the button.
      if (inAppWindow()) void latest.current.createProject();
      else document.getElementById(NEW_PROJECT_BUTTON_ID)?.focus();
    }
    void takeSharedItems(params).then(async ({ files, texts, failed, refused, tooLarge }) => {
      if (tooLarge) {
        showToast({
          kind: 'error',
          title: 'Nothing was imported',
          detail: `What was shared is larger than ${SHARE_MAX_MB} MB, the most Frameline takes from the share menu.`,
        });
      }
      if (failed) {
        showToast({
          kind: 'error',
          title: 'Nothing was imported',
          detail: 'What was shared to Frameline could not be read.',
        });
      }
      if (refused) {
        showToast({
          kind: 'error',
          title: 'Nothing was imported',
          detail:
            'A website tried to send a file to Frameline. Only your device’s share menu can do that.',
        });
      }
      await offer('share', arrivalsFrom(files, texts));
    });
  }, []);
}
