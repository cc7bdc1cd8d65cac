import type { Shot } from '../../model/shot';
import type { ClipLayout } from '../../model/timelineEdit';
import { timeToX } from '../../model/timelineEdit';

interface Props {
  readonly shots: readonly Shot[];
  readonly layout: readonly ClipLayout[];
  readonly pxPerSecond: number;
  /** Whether a shot's lines are drawn (the timeline mounts only what is near the view). */
  readonly shown?: (shot: Shot) => boolean;
}

/** Each shot's speeches laid across it, in proportion to their words. */
export function DialogueTrack({ shots, layout, pxPerSecond, shown }: Props) {
  return (
    <div className="track dialogue-track" aria-label="Dialogue track">
      {shots.flatMap((shot, i) => {
        const clip = layout[i];
        if (!clip || shot.dialogue.length === 0 || (shown && !shown(shot))) return [];
        const words = shot.dialogue.map((d) => Math.max(1, d.line.split(/\s+/).length));
        const totalWords = words.reduce((a, b) => a + b, 0);
        let t = clip.start as number;
        return shot.dialogue.map((line, j) => {
          const span = ((clip.end - clip.start) * (words[j] ?? 1)) / totalWords;
          const left = timeToX(t, pxPerSecond);
          t += span;
          return (
            <span
              key={`${shot.id}-${j}`}
              className="dialogue-block"
              style={{ left, width: Math.max(2, timeToX(span, pxPerSecond) - 2) }}
              title={`${line.speaker}: ${line.line}`}
            >
              <strong>{line.speaker}</strong> {line.line}
            </span>
          );
        });
      })}
    </div>
  );
}
