import { conformPlanSchema, conformSnapshot, type ConformPlan } from '../../model/conform';
import { restoreSnapshot } from '../projectDoc';
import { defineCommand, STEP } from './command';
import { z } from 'zod';

/**
 * A conform (editor timelines, src/export/timeline): the edit an editor sent back applied to the
 * board as ONE undo step — re-ordering, durations, deletions, duplicates and new shots together,
 * written record by record like a version restore, so peers merge it with what they do meanwhile.
 */
export const conformCommands = {
  'timeline/conform': defineCommand({
    input: z.object({ plan: conformPlanSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, { plan }: { plan: ConformPlan }) =>
      restoreSnapshot(doc, conformSnapshot(snapshot, plan)),
  }),
};
