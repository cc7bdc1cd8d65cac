import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { SceneId, ShotId } from '../../model/ids';
import { NEW_SCENE_HEADING } from '../../model/scene';
import { aspectValue } from '../../model/project';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { dropTarget, nudgeTarget, type ShotPlace } from '../../model/reorder';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { ImportScreenplayButton } from '../app/ImportScreenplayButton';
import type { FileImports } from '../app/useFileImports';
import { useLatestCallback } from '../common/useLatestCallback';
import { BulkActionBar } from './BulkActionBar';
import { boardPageAway, boardRowsAway, placeOf, type BoardPlace } from './boardLayout';
import { inOrder, pick, selectAll, single, type Selection } from './boardSelection';
import { savedBoardSize, saveBoardSize, type BoardSize } from './boardSizes';
import { BoardSizeControl } from './BoardSizeControl';
import { ContinuedScene } from './ContinuedScene';
import { SceneSegment, type BoardHandlers } from './SceneSegment';
import { StructureKeeper, type ShotGroups } from './shotGroups';
import { useBoardWindow } from './useBoardWindow';
import { useShotMenu } from './useShotMenu';
import type { PutPictures } from './usePictures';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  /** Each scene's shots in board order (useShotGroups). */
  readonly groups: ShotGroups;
  readonly selectedId: ShotId | null;
  readonly onSelect: (id: ShotId) => void;
  readonly imports: FileImports;
  /** Puts dropped pictures on a scene's shots (usePictures.ts); absent: boards take no files. */
  readonly onPictures?: PutPictures;
  /** Told the selected boards, in board order, when they change (the render dialog offers them). */
  readonly onSelectionChange?: (ids: readonly ShotId[]) => void;
}

const NO_SHOTS: readonly Shot[] = [];

/** Focuses the board of `id`; false while it is not in the page. */
function focusShot(id: ShotId): boolean {
  const board = document.querySelector<HTMLElement>(`[data-shot-id="${id}"]`);
  board?.focus();
  return board !== null && document.activeElement === board;
}

/**
 * The boards, scene by scene, windowed: only rows near the viewport are mounted (useBoardWindow),
 * plus the row of the shot in the inspector, so focus never falls out of the page. Keys move
 * across every board, mounted or not; click, Shift+click and Ctrl/Cmd+click select.
 */
export function BoardGrid(props: Props) {
  const { session, snapshot, groups, selectedId, onSelect, imports, onPictures } = props;
  const { onSelectionChange } = props;
  const announce = useRef<HTMLParagraphElement>(null);
  const [size, setSize] = useState<BoardSize>(savedBoardSize);
  const [keeper] = useState(() => new StructureKeeper());
  const { places, before, sizes, order } = keeper.of(snapshot, groups);
  const { paneRef, gridRef, layout, geometry, range, viewportHeight } = useBoardWindow(
    sizes,
    size,
    snapshot.scenes.length > 0,
    aspectValue(snapshot.meta.aspectRatio),
  );

  // The selection: what was picked, as long as it holds the shot in the inspector.
  const [picked, setPicked] = useState<Selection<ShotId>>({ ids: new Set(), anchor: null });
  const selection = useMemo<Selection<ShotId>>(() => {
    if (selectedId === null) return { ids: new Set(), anchor: null };
    if (!picked.ids.has(selectedId)) return single(selectedId);
    const ids = new Set([...picked.ids].filter((id) => places.has(id)));
    return ids.size === picked.ids.size ? picked : { ids, anchor: picked.anchor };
  }, [picked, selectedId, places]);

  const selectedKey = [...selection.ids].join(' ');
  useEffect(() => {
    onSelectionChange?.(inOrder(selection.ids, order));
    // The key says when the set changed; `order` alone changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey, onSelectionChange]);

  // A board an action made or moved is a new element: put focus on it after the render.
  // It waits for the board to be in the page (a render can come before the one that mounts it;
  // seen on a loaded machine: focus stayed on "Add shot"), until the person does something else.
  const refocus = useRef<ShotId | null>(null);
  useEffect(() => {
    if (refocus.current && focusShot(refocus.current)) refocus.current = null;
  });
  useEffect(() => {
    const forget = () => {
      refocus.current = null;
    };
    document.addEventListener('pointerdown', forget, true);
    document.addEventListener('keydown', forget, true);
    return () => {
      document.removeEventListener('pointerdown', forget, true);
      document.removeEventListener('keydown', forget, true);
    };
  }, []);
  const say = (text: string) => {
    if (announce.current) announce.current.textContent = text;
  };

  /** Makes `id` the shot in the inspector with `next` selected, and focuses its board. */
  const goTo = (id: ShotId, next: Selection<ShotId> = single(id)) => {
    setPicked(next);
    onSelect(id);
    refocus.current = id;
    if (next.ids.size > 1) say(`${next.ids.size} shots selected.`);
  };

  const move = (id: ShotId, place: ShotPlace | null) => {
    if (!place) return;
    const moved = session.run('shot/move', {
      shotId: id,
      toSceneId: place.sceneId,
      index: place.index,
    });
    if (!moved.ok) return;
    refocus.current = id;
    const shot = session.getState().snapshot.shots.find((s) => s.id === id);
    if (shot) say(`Shot ${shot.number} moved to position ${place.index + 1} of its scene.`);
  };

  const shotMenu = useShotMenu(session, snapshot, (id) => goTo(id));

  const shotAtPlace = (place: BoardPlace | null): ShotId | null => {
    const scene = place && snapshot.scenes[place.scene];
    return (scene && groups.get(scene.id)?.[place.index]?.id) ?? null;
  };

  /** The board a navigation key leads to from `id`, or null for a key that is not one. */
  const target = (id: ShotId, key: string): ShotId | null | undefined => {
    const at = order.indexOf(id);
    const place = places.get(id);
    switch (key) {
      case 'ArrowLeft':
        return order[at - 1] ?? null;
      case 'ArrowRight':
        return order[at + 1] ?? null;
      case 'ArrowUp':
        return place ? shotAtPlace(boardRowsAway(layout, place, -1)) : null;
      case 'ArrowDown':
        return place ? shotAtPlace(boardRowsAway(layout, place, 1)) : null;
      case 'PageUp':
        return place ? shotAtPlace(boardPageAway(layout, place, viewportHeight, -1)) : null;
      case 'PageDown':
        return place ? shotAtPlace(boardPageAway(layout, place, viewportHeight, 1)) : null;
      case 'Home':
        return order[0] ?? null;
      case 'End':
        return order[order.length - 1] ?? null;
      default:
        return undefined;
    }
  };

  const onBoardKey = (id: ShotId, e: KeyboardEvent<HTMLButtonElement>) => {
    const at = order.indexOf(id);
    const current = snapshot.shots[at];
    if (current && shotMenu.onKey(current, e)) return;
    const arrow = e.key.startsWith('Arrow');
    if (arrow && e.altKey) {
      e.preventDefault();
      const earlier = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
      move(id, nudgeTarget(snapshot, id, earlier ? -1 : 1));
      return;
    }
    const next = e.ctrlKey || e.metaKey ? undefined : target(id, e.key);
    if (next !== undefined) {
      e.preventDefault();
      if (!next) return;
      goTo(
        next,
        e.shiftKey ? pick(selection, next, { range: true, toggle: false }, order) : undefined,
      );
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      goTo(id, selectAll(order, id));
    } else if (e.key === 'Escape' && selection.ids.size > 1) {
      e.preventDefault();
      goTo(id);
      say('Selection cleared.');
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selection.ids.size <= 1) {
      e.preventDefault();
      const neighbour = order[at + 1] ?? order[at - 1];
      if (!session.run('shot/delete', { shotId: id }).ok) return;
      if (neighbour) goTo(neighbour);
      showToast({
        kind: 'info',
        title: `Deleted shot ${current?.number ?? ''}`,
        action: { label: 'Undo', run: () => session.undo() },
      });
    }
  };

  const pointerDown = useRef(false);
  const onBoardSelect = (id: ShotId, e: MouseEvent<HTMLButtonElement> | null) => {
    if (e === null) {
      // Focus arriving by Tab or from elsewhere; a click selects in its own event.
      if (!selection.ids.has(id) && !pointerDown.current) goTo(id);
      return;
    }
    const mods = { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
    const next = pick(selection, id, mods, order);
    setPicked(next);
    // Toggled off: the inspector shows the last board still selected.
    onSelect(next.ids.has(id) ? id : ([...next.ids].pop() ?? id));
    if (next.ids.size > 1) say(`${next.ids.size} shots selected.`);
  };
  const addShot = (sceneId: SceneId) => {
    const added = session.run('shot/insert', { sceneId, index: groups.get(sceneId)?.length ?? 0 });
    if (added.ok && added.value) goTo(added.value);
  };

  const onSelectBoard = useLatestCallback(onBoardSelect);
  const onKeyDown = useLatestCallback(onBoardKey);
  const onDropShot = useLatestCallback(
    (moving: string, targetId: ShotId, side: 'before' | 'after') =>
      move(moving as ShotId, dropTarget(snapshot, moving as ShotId, targetId, side)),
  );
  const onAddShot = useLatestCallback(addShot);
  const onDropPictures = useLatestCallback(
    (sceneId: SceneId, startShotId: ShotId | null, files: File[]) =>
      void onPictures?.(files, { sceneId, startShotId }),
  );
  const takesPictures = onPictures !== undefined && !session.readOnly;
  const { onContextMenu } = shotMenu;
  const handlers = useMemo<BoardHandlers>(
    () => ({
      onSelect: onSelectBoard,
      onKeyDown,
      onDropShot,
      onContextMenu,
      onAddShot,
      ...(takesPictures ? { onDropPictures } : {}),
    }),
    [onSelectBoard, onKeyDown, onDropShot, onContextMenu, onAddShot, takesPictures, onDropPictures],
  );

  if (snapshot.scenes.length === 0) {
    return (
      <section className="boards-pane empty-state" aria-label="Boards" data-region="boards">
        <h2>No boards yet</h2>
        <p>
          Import a screenplay to board it shot by shot, or add a scene and build it up from scratch.
        </p>
        <div className="empty-actions">
          <ImportScreenplayButton imports={imports} primary />
          <button
            className="button"
            type="button"
            onClick={() => {
              const added = session.run('scene/addWithShot', { heading: NEW_SCENE_HEADING });
              if (added.ok && added.value) onSelect(added.value);
            }}
          >
            Add scene
          </button>
        </div>
      </section>
    );
  }

  // The rows near the viewport, and the row of the shot in the inspector wherever it is.
  const [from, to] = range;
  const mounted: number[] = [];
  const currentPlace = selectedId ? places.get(selectedId) : undefined;
  const pinned = currentPlace ? placeOf(layout, currentPlace).row : -1;
  if (pinned >= 0 && pinned < from) mounted.push(pinned);
  for (let r = from; r < to; r++) mounted.push(r);
  if (pinned >= to) mounted.push(pinned);
  const pitch = geometry.boardWidth + geometry.gap;
  const bulk = selection.ids.size > 1 ? inOrder(selection.ids, order) : null;
  /** After a bulk delete: the first board after the selection that stays, else before it. */
  const afterBulk = () => {
    if (!bulk) return;
    const at = order.flatMap((id, i) => (selection.ids.has(id) ? [i] : []));
    const first = at[0] ?? 0;
    const last = at[at.length - 1] ?? 0;
    const stays = (id: ShotId | undefined) => id !== undefined && !selection.ids.has(id);
    const next =
      order.slice(last + 1).find(stays) ?? order.slice(0, first).reverse().find(stays) ?? null;
    if (next) goTo(next);
  };

  return (
    <section
      ref={paneRef}
      className={`boards-pane fit-${snapshot.meta.frameFit}`}
      aria-label="Boards"
      data-region="boards"
      onPointerDownCapture={() => (pointerDown.current = true)}
      onPointerUpCapture={() => setTimeout(() => (pointerDown.current = false))}
    >
      <p ref={announce} className="visually-hidden" aria-live="polite" />
      {shotMenu.overlay}
      {bulk ? (
        <BulkActionBar
          session={session}
          snapshot={snapshot}
          shotIds={bulk}
          onDeleted={afterBulk}
          onClear={() => selectedId && goTo(selectedId)}
        />
      ) : null}
      <div className="boards-toolbar">
        <p className="muted keyboard-hint">
          Arrows, Home/End, Page Up/Down move · Shift/Ctrl+click select · Alt+arrows or drag reorder
          · Ctrl+D duplicate · Ctrl+Shift+K split · Ctrl+M merge · Delete remove · right click or
          Shift+F10 for more
        </p>
        <BoardSizeControl
          value={size}
          onChange={(next) => {
            setSize(next);
            saveBoardSize(next);
          }}
        />
      </div>
      <ContinuedScene
        paneRef={paneRef}
        gridRef={gridRef}
        layout={layout}
        scenes={snapshot.scenes}
      />
      <div
        ref={gridRef}
        className={`board-window size-${size}`}
        style={{ ...geometry.style, height: layout.height }}
      >
        {mounted.map((r) => {
          const row = layout.rows[r];
          if (!row) return null;
          return (
            <div
              key={`${row.segments[0]?.scene}:${row.segments[0]?.first}`}
              className="board-row"
              style={{ top: row.top, height: row.height }}
            >
              {row.segments.map((segment) => {
                const scene = snapshot.scenes[segment.scene];
                if (!scene) return null;
                return (
                  <SceneSegment
                    key={scene.id}
                    session={session}
                    scene={scene}
                    shots={groups.get(scene.id) ?? NO_SHOTS}
                    segment={segment}
                    head={row.head}
                    total={order.length}
                    before={before[segment.scene] ?? 0}
                    selected={selection.ids}
                    currentId={selectedId}
                    handlers={handlers}
                    pitch={pitch}
                    gap={geometry.gap}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}
