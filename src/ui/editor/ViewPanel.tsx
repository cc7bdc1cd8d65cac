import type { Shot } from '../../model/shot';
import { GUIDE_LABELS, type Guides } from './canvas/guides';

export interface Reference {
  /** Onion skin: the previous and next boards, faint over the frame. */
  readonly onion: boolean;
  /** 0–1. */
  readonly onionOpacity: number;
  /** Light table: another board's frame as a faint reference (its shot id), or ''. */
  readonly lightTable: string;
}

interface Props {
  readonly guides: Guides;
  readonly onGuides: (guides: Guides) => void;
  readonly reference: Reference;
  readonly onReference: (reference: Reference) => void;
  /** Boards that can go on the light table (every other shot with a frame). */
  readonly boards: readonly Shot[];
}

/** Guides, onion skin and light table: what helps drawing, never part of the saved frame. */
export function ViewPanel({ guides, onGuides, reference, onReference, boards }: Props) {
  return (
    <section className="editor-view" aria-label="Guides and reference">
      <h3 className="editor-panel-title">Guides</h3>
      <div className="guide-grid">
        {(Object.keys(GUIDE_LABELS) as (keyof Guides)[]).map((key) => (
          <label key={key} className="editor-check">
            <input
              type="checkbox"
              checked={guides[key]}
              onChange={(e) => onGuides({ ...guides, [key]: e.target.checked })}
            />
            <span>{GUIDE_LABELS[key]}</span>
          </label>
        ))}
      </div>
      <label className="editor-check">
        <input
          type="checkbox"
          checked={reference.onion}
          onChange={(e) => onReference({ ...reference, onion: e.target.checked })}
        />
        <span>Onion skin (previous and next shot)</span>
      </label>
      <label className="editor-field">
        <span>Onion</span>
        <input
          type="range"
          min={5}
          max={80}
          aria-label="Onion skin opacity"
          value={Math.round(reference.onionOpacity * 100)}
          onChange={(e) =>
            onReference({ ...reference, onionOpacity: Number(e.target.value) / 100 })
          }
        />
        <span className="muted">{Math.round(reference.onionOpacity * 100)}%</span>
      </label>
      <label className="editor-field editor-select">
        <span>Light table</span>
        <select
          aria-label="Light table"
          value={reference.lightTable}
          onChange={(e) => onReference({ ...reference, lightTable: e.target.value })}
        >
          <option value="">None</option>
          {boards.map((shot) => (
            <option key={shot.id} value={shot.id}>
              Shot {shot.number}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
