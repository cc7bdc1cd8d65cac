import { useState } from 'react';
import {
  DEFAULT_LAYER_KINDS,
  LAYER_KIND_LABELS,
  type Drawing,
  type LayerKind,
} from '../../model/drawing';
import { InlineEdit } from '../common/InlineEdit';
import type { DrawingActions } from './useDrawingActions';

interface Props {
  readonly drawing: Drawing;
  readonly activeId: string | null;
  readonly onActivate: (id: string) => void;
  readonly actions: DrawingActions;
  readonly disabled: boolean;
}

/** The layers, front first (as painters read a stack), with what each can do. */
export function LayersPanel({ drawing, activeId, onActivate, actions, disabled }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newKind, setNewKind] = useState<LayerKind>('pencil');
  const layers = drawing.layers;
  const index = layers.findIndex((l) => l.id === activeId);
  const active = layers[index] ?? null;
  return (
    <section className="editor-layers" aria-label="Layers">
      <h3 className="editor-panel-title">Layers</h3>
      <ol className="layer-list">
        {[...layers].reverse().map((layer) => (
          <li
            key={layer.id}
            className={`layer-row${layer.id === activeId ? ' active' : ''}${layer.visible ? '' : ' hidden-layer'}`}
          >
            <button
              type="button"
              className="layer-eye"
              aria-label={`${layer.visible ? 'Hide' : 'Show'} ${layer.name}`}
              aria-pressed={!layer.visible}
              disabled={disabled}
              onClick={() => actions.updateLayer(layer.id, { visible: !layer.visible })}
            >
              {layer.visible ? <EyeIcon /> : <EyeOffIcon />}
            </button>
            {renaming === layer.id ? (
              <InlineEdit
                value={layer.name}
                label={`Name of layer ${layer.name}`}
                maxLength={80}
                onCommit={(name) => actions.updateLayer(layer.id, { name })}
                onDone={() => setRenaming(null)}
              />
            ) : (
              <button
                type="button"
                className="layer-name"
                aria-label={`Layer ${layer.name}`}
                aria-pressed={layer.id === activeId}
                onClick={() => onActivate(layer.id)}
                onDoubleClick={() => !disabled && setRenaming(layer.id)}
              >
                <span>{layer.name}</span>
                <span className="layer-count muted">
                  {layer.items.length > 0 ? layer.items.length : ''}
                </span>
              </button>
            )}
            <button
              type="button"
              className="layer-lock"
              aria-label={`${layer.locked ? 'Unlock' : 'Lock'} ${layer.name}`}
              aria-pressed={layer.locked}
              disabled={disabled}
              onClick={() => actions.updateLayer(layer.id, { locked: !layer.locked })}
            >
              {layer.locked ? <LockIcon /> : <UnlockIcon />}
            </button>
            {layer.id === activeId ? (
              <label className="layer-opacity">
                <span className="muted">Opacity</span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  aria-label={`Opacity of ${layer.name}`}
                  value={Math.round(layer.opacity * 100)}
                  disabled={disabled}
                  onChange={(e) =>
                    actions.updateLayer(layer.id, { opacity: Number(e.target.value) / 100 })
                  }
                />
                <output>{Math.round(layer.opacity * 100)}%</output>
              </label>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="layer-actions">
        <select
          aria-label="Kind of new layer"
          value={newKind}
          disabled={disabled}
          onChange={(e) => setNewKind(e.target.value as LayerKind)}
        >
          {DEFAULT_LAYER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {LAYER_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={disabled}
          onClick={() => {
            const id = actions.addLayer(newKind, activeId);
            if (id) onActivate(id);
          }}
        >
          Add layer
        </button>
      </div>
      <div className="layer-actions">
        <button
          type="button"
          disabled={disabled || !active}
          onClick={() => active && setRenaming(active.id)}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label="Move layer up"
          title="Move layer up"
          disabled={disabled || !active || index === layers.length - 1}
          onClick={() => active && actions.moveLayer(active.id, index + 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Move layer down"
          title="Move layer down"
          disabled={disabled || !active || index <= 0}
          onClick={() => active && actions.moveLayer(active.id, index - 1)}
        >
          ↓
        </button>
        <button
          type="button"
          disabled={disabled || !active || index <= 0}
          onClick={() => active && actions.mergeDown(active.id)}
        >
          Merge down
        </button>
      </div>
      <div className="layer-actions">
        <button
          type="button"
          disabled={disabled || !active || (active.items.length === 0 && !active.bitmap)}
          onClick={() => active && actions.clear([active.id])}
        >
          Clear layer
        </button>
        <button
          type="button"
          className="danger"
          disabled={disabled || !active || layers.length <= 1}
          onClick={() => active && actions.deleteLayer(active.id)}
        >
          Delete layer
        </button>
      </div>
    </section>
  );
}

const iconProps = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

function EyeIcon() {
  return (
    <svg {...iconProps}>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}
function EyeOffIcon() {
  return (
    <svg {...iconProps}>
      <path d="M3 3l18 18M10.6 5.1A10 10 0 0 1 12 5c6.5 0 10 7 10 7a17 17 0 0 1-3.2 4.2M6.6 6.6C3.8 8.4 2 12 2 12s3.5 7 10 7a9.700 9.700 0 0 0 4.4-1" />
    </svg>
  );
}
function LockIcon() {
  return (
    <svg {...iconProps}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}
function UnlockIcon() {
  return (
    <svg {...iconProps} opacity={0.45}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 7.5-2" />
    </svg>
  );
}
