/**
 * Everything the command palette can run, in one list: what each command is called, the words
 * that find it and its shortcut. What a command does lives where its state lives (the header,
 * the open project…): those parts provide the handlers (`usePaletteCommands`) while they are on
 * screen, and the palette lists only the commands someone provides right now.
 */
export const PALETTE_COMMANDS = [
  { id: 'newProject', label: 'New project', keywords: 'create blank empty' },
  {
    id: 'importScreenplay',
    label: 'Import screenplay…',
    keywords: 'open file fountain fdx final draft pdf script',
  },
  { id: 'pasteScript', label: 'Paste script…', keywords: 'screenplay text clipboard' },
  { id: 'importProject', label: 'Import project…', keywords: 'open file json' },
  { id: 'fromIdea', label: 'New project from an idea…', keywords: 'wizard ai generate pipeline' },
  { id: 'allProjects', label: 'Go to all projects', keywords: 'home list back' },
  { id: 'settings', label: 'Settings…', keywords: 'ai providers keys webhooks preferences' },
  { id: 'usage', label: 'Usage…', keywords: 'cost calls log spend ai' },
  { id: 'showBoards', label: 'Show boards', keywords: 'view grid storyboard' },
  { id: 'showTimeline', label: 'Show timeline', keywords: 'view edit sound' },
  { id: 'showScript', label: 'Show script', keywords: 'view screenplay editor' },
  { id: 'play', label: 'Play animatic', keywords: 'preview watch' },
  { id: 'render', label: 'Render animatic…', keywords: 'video mp4 webm gif movie' },
  { id: 'exportProject', label: 'Export project file', keywords: 'save download json backup' },
  { id: 'undo', label: 'Undo', keywords: 'back revert', shortcut: 'Ctrl+Z' },
  { id: 'redo', label: 'Redo', keywords: 'again', shortcut: 'Ctrl+Shift+Z' },
] as const satisfies readonly PaletteCommandSpec[];

export interface PaletteCommandSpec {
  readonly id: string;
  readonly label: string;
  /** More words that find it (what people might type instead of its name). */
  readonly keywords: string;
  readonly shortcut?: string;
}

export type PaletteCommandId = (typeof PALETTE_COMMANDS)[number]['id'];
/** A provider's handlers; a command left out or undefined cannot run now (busy, not here). */
export type PaletteHandlers = { readonly [Id in PaletteCommandId]?: (() => void) | undefined };

/** A command someone provides now, ready to run. */
export interface PaletteCommand extends PaletteCommandSpec {
  readonly id: PaletteCommandId;
  readonly run: () => void;
}

/** Handler sets on screen now, oldest first; a later one wins for the same command. */
const provided: (() => PaletteHandlers)[] = [];

/**
 * Makes `handlers()` available to the palette until the returned function is called. A getter,
 * not a value, so the provider hands the palette its current handlers without registering again
 * on every render.
 */
export function providePaletteCommands(handlers: () => PaletteHandlers): () => void {
  provided.push(handlers);
  return () => {
    const at = provided.indexOf(handlers);
    if (at >= 0) provided.splice(at, 1);
  };
}

/** The commands that can run now, in the registry's order. */
export function availableCommands(): PaletteCommand[] {
  const handlerSets = provided.map((get) => get());
  return PALETTE_COMMANDS.flatMap((spec) => {
    const run = handlerSets.findLast((handlers) => handlers[spec.id])?.[spec.id];
    return run ? [{ ...spec, run }] : [];
  });
}

const wordsOf = (text: string) =>
  text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * The commands whose name or keywords hold a word starting with each word typed ("ren" finds
 * Render, "new proj" New project); those whose name matches come first. Empty: all of them.
 */
export function matchCommands<C extends PaletteCommandSpec>(
  query: string,
  commands: readonly C[],
): C[] {
  const typed = wordsOf(query);
  if (typed.length === 0) return [...commands];
  const matches = (words: readonly string[]) =>
    typed.every((t) => words.some((word) => word.startsWith(t)));
  const byName: C[] = [];
  const byKeyword: C[] = [];
  for (const command of commands) {
    const name = wordsOf(command.label);
    if (matches(name)) byName.push(command);
    else if (matches([...name, ...wordsOf(command.keywords)])) byKeyword.push(command);
  }
  return [...byName, ...byKeyword];
}
