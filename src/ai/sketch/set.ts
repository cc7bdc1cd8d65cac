import { drawExterior } from './exterior';
import { drawInterior } from './interior';
import { drawLimboSet } from './limboSet';
import { drawOverheadSet } from './overheadSet';
import type { Stage } from './stage';

/** The environment behind the figures, from INT/EXT and the camera angle. */
export function drawSet(stage: Stage): void {
  const { intExt } = stage.input;
  if (stage.angle.overhead) {
    drawOverheadSet(stage, intExt === 'INT' || intExt === 'INT/EXT');
    return;
  }
  if (intExt === 'EXT') drawExterior(stage);
  else if (intExt === 'INT') drawInterior(stage, false);
  else if (intExt === 'INT/EXT') drawInterior(stage, true);
  else drawLimboSet(stage);
}
