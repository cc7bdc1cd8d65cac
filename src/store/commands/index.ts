export type { Gesture } from './commandRunner';
export { CommandError, type CommandFailure, type CommandResult } from './commandError';
export type { CommandInput, CommandName, CommandOutput } from './registry';
export type { UndoPolicy } from './command';
