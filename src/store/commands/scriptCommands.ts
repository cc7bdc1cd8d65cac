import { z } from 'zod';
import type { ReimportSummary } from '../../plan/reimport';
import {
  editScript,
  followScriptText,
  seedScript,
  setScriptFollow,
  type ScriptChange,
  type ScriptFollowMode,
} from '../projectDoc';
import { APP_CHANGE, defineCommand, STEP, type UndoPolicy } from './command';

/** A 150-page script is about 300 kB; ten times that is no screenplay. */
const MAX_SCRIPT_CHARS = 3_000_000;

const changeSchema = z.object({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  insert: z.string().max(MAX_SCRIPT_CHARS),
});

/**
 * The project's script as shared text (README "The script and the boards"): seeded once,
 * written by everyone, followed by the boards live or on "Update boards".
 */
export const scriptCommands = {
  /**
   * Gives the project its script once (the imported file, or the boards written out for a
   * project from before scripts were kept) and ties the boards to its beats. The app's own
   * change; false when the project has one already.
   */
  'script/seed': defineCommand({
    input: z.object({ text: z.string().max(MAX_SCRIPT_CHARS) }),
    undo: APP_CHANGE,
    run: ({ doc, snapshot }, { text }: { text: string }) => seedScript(doc, text, snapshot),
  }),

  /** Typing in the script: replacements in the text as it was; a burst of typing is one step. */
  'script/edit': defineCommand({
    input: z.object({ changes: z.array(changeSchema).min(1).max(10_000) }),
    undo: (): UndoPolicy => ({ merge: 'script/text' }),
    run: ({ doc }, { changes }: { changes: readonly ScriptChange[] }) => editScript(doc, changes),
  }),

  /**
   * The boards follow the script (parse, align, apply). Live following is the app's own change
   * (undoing the typing that caused it makes the boards follow again); "Update boards" is the
   * person's step.
   */
  'script/followBoards': defineCommand({
    input: z.object({ by: z.enum(['live', 'button']) }),
    undo: ({ by }: { by: ScriptFollowMode }): UndoPolicy => (by === 'live' ? 'none' : 'step'),
    run: ({ doc, snapshot }, _input: { by: ScriptFollowMode }): ReimportSummary | null =>
      followScriptText(doc, snapshot),
  }),

  /** Whether boards follow every pause in typing or wait for "Update boards". */
  'script/setFollow': defineCommand({
    input: z.object({ mode: z.enum(['live', 'button']) }),
    undo: STEP,
    run: ({ doc }, { mode }: { mode: ScriptFollowMode }) => setScriptFollow(doc, mode),
  }),
};
