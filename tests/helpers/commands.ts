import type { ProjectSession } from '../../src/store';
import type { CommandInput, CommandName, CommandOutput } from '../../src/store/commands';

/** Runs a command that the test expects to succeed, and returns its result (throws otherwise). */
export function runOk<N extends CommandName>(
  session: ProjectSession,
  name: N,
  input: CommandInput<N>,
): CommandOutput<N> {
  const result = session.run(name, input);
  if (!result.ok) throw result.error;
  return result.value;
}
