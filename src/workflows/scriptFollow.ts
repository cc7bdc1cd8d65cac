import type { ProjectSession } from '../store/projectSession';

/** A pause in typing this long and the boards follow (live mode). */
export const FOLLOW_PAUSE_MS = 350;

/**
 * Boards follow the script live: after each pause in this tab's edits of the script (typing,
 * undo, an edit carried from the inspector) the boards are brought up to date, as the app's own
 * change (store/commands/scriptCommands.ts). A collaborator's edits are followed by their own
 * tab, so two tabs never both add the same new shots. Returns the stop function.
 */
export function followScriptLive(
  session: ProjectSession,
  timers: {
    set: (run: () => void, ms: number) => unknown;
    clear: (timer: unknown) => void;
  } = {
    // Called as methods of this object, the browser's own would throw "Illegal invocation".
    set: (run, ms) => setTimeout(run, ms),
    clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  },
): () => void {
  let timer: unknown = null;
  const follow = () => {
    timer = null;
    if (session.readOnly || session.getScriptState().follow !== 'live') return;
    session.run('script/followBoards', { by: 'live' });
  };
  const stop = session.onScriptEdited(() => {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(follow, FOLLOW_PAUSE_MS);
  });
  return () => {
    stop();
    if (timer !== null) timers.clear(timer);
  };
}
