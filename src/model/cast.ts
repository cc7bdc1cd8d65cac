import type { ProjectSnapshot } from './project';
import { timelineShots } from './project';
import type { ShotId } from './ids';

export interface CastLine {
  readonly name: string;
  /** Speeches (dialogue lines) in the shots that play. */
  readonly lines: number;
  /** Shots the character is in (by the shot's cast or as a speaker). */
  readonly shots: number;
  readonly firstShotId: ShotId | null;
}

/** Who speaks how much, most lines first: the character list beside the boards. */
export function castLines(snapshot: ProjectSnapshot): CastLine[] {
  const names = new Map(snapshot.characters.map((c) => [c.id, c.name]));
  const byName = new Map<string, { lines: number; shots: Set<ShotId>; first: ShotId | null }>();
  const entry = (name: string) => {
    let found = byName.get(name);
    if (!found) byName.set(name, (found = { lines: 0, shots: new Set(), first: null }));
    return found;
  };
  for (const character of snapshot.characters) entry(character.name);
  for (const shot of timelineShots(snapshot)) {
    const inShot = new Set(shot.characterIds.flatMap((id) => names.get(id) ?? []));
    for (const speech of shot.dialogue) {
      entry(speech.speaker).lines++;
      inShot.add(speech.speaker);
    }
    for (const name of inShot) {
      const e = entry(name);
      e.shots.add(shot.id);
      e.first ??= shot.id;
    }
  }
  return [...byName.entries()]
    .map(([name, e]) => ({ name, lines: e.lines, shots: e.shots.size, firstShotId: e.first }))
    .filter((c) => c.name.trim() !== '')
    .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
}
