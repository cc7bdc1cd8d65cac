import { afterEach, expect, test } from 'vitest';
import {
  availableCommands,
  matchCommands,
  PALETTE_COMMANDS,
  providePaletteCommands,
} from './paletteCommands';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

test('only commands someone provides are listed, in the registry order; a later provider wins', () => {
  const calls: string[] = [];
  stops.push(
    providePaletteCommands(() => ({
      render: () => calls.push('header render'),
      newProject: () => calls.push('new'),
      undo: undefined,
    })),
  );
  stops.push(providePaletteCommands(() => ({ render: () => calls.push('project render') })));
  const listed = availableCommands();
  expect(listed.map((c) => c.id)).toEqual(['newProject', 'render']);
  listed.find((c) => c.id === 'render')?.run();
  expect(calls).toEqual(['project render']);
  stops.pop()?.();
  availableCommands()
    .find((c) => c.id === 'render')
    ?.run();
  expect(calls).toEqual(['project render', 'header render']);
});

test('typed words find commands by the start of words in the name, then in the keywords', () => {
  const ids = (query: string) => matchCommands(query, PALETTE_COMMANDS).map((c) => c.id);
  expect(ids('rend')).toEqual(['render']);
  expect(ids('new proj')).toEqual(['newProject', 'fromIdea']);
  // "mp4" is a keyword of Render only; "ender" starts no word.
  expect(ids('mp4')).toEqual(['render']);
  expect(ids('ender')).toEqual([]);
  // A name match comes before a keyword match: "script" names Show script and Paste script,
  // and is only a keyword of Import screenplay.
  expect(ids('script')).toEqual(['pasteScript', 'showScript', 'importScreenplay']);
  expect(ids('  ')).toHaveLength(PALETTE_COMMANDS.length);
  expect(ids('RÉGLAGES settings')).toEqual([]);
  expect(ids('Séttings')).toEqual(['settings']);
});
