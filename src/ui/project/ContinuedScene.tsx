import { useEffect, useState, type RefObject } from 'react';
import type { Scene } from '../../model/scene';
import { rowsWithin, type BoardLayout } from './boardLayout';

interface Props {
  readonly paneRef: RefObject<HTMLElement | null>;
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly layout: BoardLayout;
  readonly scenes: readonly Scene[];
}

/**
 * Scrolled into the middle of a long scene, whose header went by rows ago: its number and
 * heading stay at the top of the pane. Only this label follows every scroll event.
 */
export function ContinuedScene({ paneRef, gridRef, layout, scenes }: Props) {
  const [sceneIndex, setSceneIndex] = useState<number | null>(null);
  useEffect(() => {
    const pane = paneRef.current;
    const grid = gridRef.current;
    if (!pane || !grid) return;
    const update = () => {
      const gridTop =
        grid.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      const y = pane.scrollTop - gridTop;
      const [first] = rowsWithin(layout, y, y + 1);
      const row = layout.rows[first];
      setSceneIndex(row && !row.head && y > 0 ? (row.segments[0]?.scene ?? null) : null);
    };
    pane.addEventListener('scroll', update, { passive: true });
    update();
    return () => pane.removeEventListener('scroll', update);
  }, [paneRef, gridRef, layout]);
  const scene = sceneIndex === null ? undefined : scenes[sceneIndex];
  return (
    <div className="scene-continued-anchor">
      {scene ? (
        <div className="scene-continued" aria-hidden="true">
          <span className="scene-number">{scene.number}</span> {scene.heading || 'Untitled scene'}{' '}
          <span className="muted">(continued)</span>
        </div>
      ) : null}
    </div>
  );
}
