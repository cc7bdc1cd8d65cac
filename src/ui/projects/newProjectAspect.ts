import { ASPECT_RATIOS, type AspectRatio } from '../../model/project';

/**
 * The aspect ratio new projects start with, chosen on the projects page and remembered in this
 * browser (a preference, not project data): someone who makes vertical films picks 9:16 once.
 */
const KEY = 'frameline.newProjectAspectRatio';
const DEFAULT: AspectRatio = '16:9';

function isAspectRatio(value: unknown): value is AspectRatio {
  return (ASPECT_RATIOS as readonly unknown[]).includes(value);
}

export function newProjectAspect(): AspectRatio {
  try {
    const stored = localStorage.getItem(KEY);
    return isAspectRatio(stored) ? stored : DEFAULT;
  } catch {
    return DEFAULT; // storage blocked: the default
  }
}

export function setNewProjectAspect(value: AspectRatio): void {
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // Not remembered; this choice still applies to the next project made on this page.
  }
  current = value;
}

let current: AspectRatio | null = null;

/** The choice for the project about to be made (the page's value even if storage failed). */
export function aspectForNewProject(): AspectRatio {
  return current ?? newProjectAspect();
}
