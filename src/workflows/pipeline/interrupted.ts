import type { InterruptedCall, PaidWhat } from '../../store/pipelineRuns';

/**
 * The lines a run shows about paid calls the page closed on (engine.ts keeps them): an answer
 * that was on its way when the page went is lost, so the call is asked, and paid for, again.
 */

const PLURALS: Record<PaidWhat, string> = {
  frame: 'frames',
  'character sheet': 'character sheets',
  'spoken line': 'spoken lines',
  'video clip': 'video clips',
  'text answer': 'text answers',
};

const SAID: Record<InterruptedCall['outcome'], (one: boolean) => string> = {
  pending: (one) =>
    `: no answer came, so ${one ? 'it is' : 'they are'} asked again (and paid for again) when the run goes on.`,
  asked: (one) => `; ${one ? 'it was' : 'they were'} asked again.`,
  kept: (one) =>
    `; ${one ? 'its answer had' : 'their answers had'} been kept, so ${one ? 'it was' : 'they were'} not asked again.`,
};

export function interruptedLines(calls: readonly InterruptedCall[]): string[] {
  const groups = new Map<
    string,
    { what: PaidWhat; outcome: InterruptedCall['outcome']; n: number }
  >();
  for (const call of calls) {
    const key = `${call.outcome}\n${call.what}`;
    const group = groups.get(key) ?? { what: call.what, outcome: call.outcome, n: 0 };
    group.n += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ what, outcome, n }) => {
    const one = n === 1;
    const noun = one ? what : PLURALS[what];
    return `${n} ${noun} ${one ? 'was' : 'were'} being made when the page closed${SAID[outcome](one)}`;
  });
}
