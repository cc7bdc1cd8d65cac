import type { AiService } from '../../ai/aiService';
import type { QueueRunner } from '../../ai/frames/queueRunner';
import { showError, showToast } from '../app/toastStore';
import { openSettings } from './settingsDialogStore';

/**
 * Queues frames for `shotIds`, after checking what would make every one of them fall back to
 * the offline sketch: no image provider at all, or keys locked behind a passphrase.
 */
export async function startGeneration(
  ai: AiService,
  runner: QueueRunner | null,
  label: string,
  shotIds: readonly string[],
): Promise<void> {
  if (!runner || shotIds.length === 0) return;
  try {
    if (!(await ai.canDo('image'))) {
      showToast({
        kind: 'info',
        title: 'No image provider is set up',
        detail: 'Add one in Settings to generate frames; until then every shot keeps its sketch.',
        action: { label: 'Set up AI', run: () => openSettings('providers') },
      });
      return;
    }
    if ((await ai.vault.state()).locked) {
      showToast({
        kind: 'info',
        title: 'Your API keys are locked',
        detail: 'Enter your passphrase to unlock them.',
      });
      openSettings('keys');
      return;
    }
    await runner.enqueue(label, shotIds);
  } catch (error) {
    showError('Could not start generating frames', error);
  }
}
