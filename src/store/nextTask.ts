/**
 * Resolves in a later task, so the page can draw and answer input in between. Long work on the
 * main thread (opening or importing a big project) is cut into steps at these points: one step
 * of a thousand-shot project is a frame or two, the whole of it would be a freeze.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
