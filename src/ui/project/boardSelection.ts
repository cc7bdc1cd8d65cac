/**
 * Which boards are selected, as the grid's clicks and keys change it (pure; ids are strings so
 * it knows nothing of shots). The anchor is where a Shift range starts: the last board clicked
 * or toggled without Shift.
 */
export interface Selection<Id extends string = string> {
  readonly ids: ReadonlySet<Id>;
  readonly anchor: Id | null;
}

export interface Modifiers {
  /** Shift: a range from the anchor. */
  readonly range: boolean;
  /** Ctrl or Cmd: add or remove one (with Shift, add the range to what is selected). */
  readonly toggle: boolean;
}

export function single<Id extends string>(id: Id): Selection<Id> {
  return { ids: new Set([id]), anchor: id };
}

/** The boards from `a` to `b` inclusive, in board order (either way round). */
function between<Id extends string>(order: readonly Id[], a: Id, b: Id): Id[] {
  const from = order.indexOf(a);
  const to = order.indexOf(b);
  if (from < 0 || to < 0) return [b];
  return order.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** The selection after a click (or a key that acts like one) on `id`. */
export function pick<Id extends string>(
  selection: Selection<Id>,
  id: Id,
  mods: Modifiers,
  order: readonly Id[],
): Selection<Id> {
  if (mods.range && selection.anchor !== null) {
    const range = between(order, selection.anchor, id);
    const ids = mods.toggle ? new Set([...selection.ids, ...range]) : new Set(range);
    return { ids, anchor: selection.anchor };
  }
  if (mods.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id) && ids.size > 1) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return single(id);
}

export function selectAll<Id extends string>(
  order: readonly Id[],
  anchor: Id | null,
): Selection<Id> {
  return { ids: new Set(order), anchor };
}

/** `ids` in board order, leaving out any that are no longer on the board. */
export function inOrder<Id extends string>(ids: ReadonlySet<Id>, order: readonly Id[]): Id[] {
  return order.filter((id) => ids.has(id));
}
