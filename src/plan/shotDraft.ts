import type { ShotType } from '../model/camera';
import type { CharacterId } from '../model/ids';
import type { DialogueLine } from '../model/shot';
import type { Milliseconds } from '../model/units';

/** A shot while a scene is being planned: no id or number yet, and still open to change. */
export interface ShotDraft {
  shotType: ShotType;
  durationMs: Milliseconds;
  action: string;
  dialogue: DialogueLine[];
  characterIds: CharacterId[];
  notes: string[];
}
