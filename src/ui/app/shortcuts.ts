import type { Shortcut } from '../common/ShortcutList';

/**
 * Every key the app answers outside the frame editor (which lists its own with ?), by where it
 * works. Kept beside the handlers' owners in spirit: a new shortcut belongs here too.
 */
export const APP_SHORTCUTS: readonly {
  readonly title: string;
  readonly keys: readonly Shortcut[];
}[] = [
  {
    title: 'Anywhere',
    keys: [
      ['?', 'This sheet'],
      ['Ctrl+K', 'Command palette: find a project, scene, shot or line; run a command'],
      ['F6 / Shift+F6', 'Next / previous region: header, scenes, boards or timeline, inspector'],
      ['Tab', 'First on the page: skip links to the boards, inspector, timeline, scenes'],
      ['Ctrl+Z', 'Undo'],
      ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
      ['Ctrl+V', 'Paste pictures onto the selected shot'],
      ['Escape', 'Close a dialog, menu or panel'],
    ],
  },
  {
    title: 'Boards',
    keys: [
      ['Arrows', 'Move between boards'],
      ['Home / End', 'First / last board'],
      ['Page Up / Page Down', 'A screen up / down'],
      ['Shift+arrows, Shift+click', 'Select a range'],
      ['Ctrl+click', 'Add to or take from the selection'],
      ['Ctrl+A', 'Select every board'],
      ['Escape', 'Clear the selection'],
      ['Alt+arrows', 'Move the board'],
      ['Ctrl+D', 'Duplicate the shot'],
      ['Ctrl+Shift+K', 'Split the shot at a line'],
      ['Ctrl+M', 'Merge with the next shot'],
      ['Delete', 'Delete the shot'],
      ['Shift+F10, Menu', "The shot's menu"],
      ['Double click', 'Draw the frame'],
      ['F2', 'Rename a scene (on its heading)'],
    ],
  },
  {
    title: 'Timeline',
    keys: [
      ['Space', 'Play / pause'],
      ['Left / Right', 'Previous / next clip'],
      ['Shift+Left / Right', 'Trim the clip by one frame'],
      ['Alt+Left / Right', 'Move the clip'],
      ['Arrows, + / −', 'Move and zoom the framing box'],
    ],
  },
  {
    title: 'Play mode',
    keys: [
      ['Space, K', 'Play / pause'],
      ['Left / Right', 'Previous / next shot'],
      ['Home', 'Back to the start'],
      ['Escape', 'Stop'],
    ],
  },
];
