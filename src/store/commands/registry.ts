import type { CommandSpec } from './command';
import { bulkCommands } from './bulkCommands';
import { castCommands } from './castCommands';
import { characterCommands } from './characterCommands';
import { conformCommands } from './conformCommands';
import { drawingCommands } from './drawingCommands';
import { frameCommands } from './frameCommands';
import { projectCommands } from './projectCommands';
import { reviewCommands } from './reviewCommands';
import { sceneCommands } from './sceneCommands';
import { scriptCommands } from './scriptCommands';
import { shotCommands } from './shotCommands';
import { structureCommands } from './structureCommands';

/** Every change a person or a workflow can make to a project, by name. */
export const COMMANDS = {
  ...projectCommands,
  ...sceneCommands,
  ...shotCommands,
  ...structureCommands,
  ...bulkCommands,
  ...frameCommands,
  ...characterCommands,
  ...castCommands,
  ...reviewCommands,
  ...conformCommands,
  ...drawingCommands,
  ...scriptCommands,
};

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> =
  Commands[N] extends CommandSpec<infer I, unknown> ? I : never;
export type CommandOutput<N extends CommandName> =
  Commands[N] extends CommandSpec<never, infer R> ? R : never;

/**
 * The registry seen per name: lets `run(name, input)` pass a command its own input type without
 * a cast (the assignment below is checked for every command).
 */
export type CommandSpecs = { [N in CommandName]: CommandSpec<CommandInput<N>, CommandOutput<N>> };
export const COMMAND_SPECS: CommandSpecs = COMMANDS;
