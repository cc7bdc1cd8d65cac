import { useRef } from 'react';
import type { DrawingLayer } from '../../model/drawing';
import { NO_FILTERS, type LayerFilters } from '../../model/imageFilters';

interface Props {
  /** The active layer when it is an image layer (its filters show), else null. */
  readonly layer: DrawingLayer | null;
  readonly hasFrame: boolean;
  readonly disabled: boolean;
  readonly onFile: (file: File) => void;
  readonly onFrame: () => void;
  readonly onFilters: (filters: LayerFilters | null) => void;
  /** Called as a slider is grabbed; the returned function when it is let go (one undo step). */
  readonly onDragStart: () => () => void;
  /** Extra controls for the image layer (background removal). */
  readonly children?: React.ReactNode;
}

const SLIDERS: readonly {
  key: 'brightness' | 'contrast' | 'saturation' | 'blur' | 'posterize';
  label: string;
  min: number;
  max: number;
}[] = [
  { key: 'brightness', label: 'Brightness', min: -100, max: 100 },
  { key: 'contrast', label: 'Contrast', min: -100, max: 100 },
  { key: 'saturation', label: 'Saturation', min: -100, max: 100 },
  { key: 'blur', label: 'Blur', min: 0, max: 40 },
  { key: 'posterize', label: 'Posterize', min: 0, max: 16 },
];

/**
 * Pictures on image layers (a file, a paste, the shot's frame) and, for the active image
 * layer, its filters with a live preview (each change is a command; a drag is one undo step).
 */
export function ImagePanel(props: Props) {
  const { layer, disabled, onFilters } = props;
  const input = useRef<HTMLInputElement>(null);
  const ending = useRef<(() => void) | null>(null);
  const filters = layer?.filters ?? NO_FILTERS;
  const start = () => {
    ending.current?.();
    ending.current = props.onDragStart();
  };
  const stop = () => {
    ending.current?.();
    ending.current = null;
  };
  return (
    <section className="editor-image" aria-label="Image">
      <h3 className="editor-panel-title">Image</h3>
      <div className="layer-actions">
        <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
          Add image…
        </button>
        <button type="button" disabled={disabled || !props.hasFrame} onClick={props.onFrame}>
          Frame as image
        </button>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/avif"
          aria-label="Image file"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {layer ? (
        <div className="editor-filters" role="group" aria-label={`Filters of ${layer.name}`}>
          {SLIDERS.map(({ key, label, min, max }) => (
            <label key={key} className="editor-field">
              <span>{label}</span>
              <input
                type="range"
                min={min}
                max={max}
                aria-label={label}
                value={filters[key]}
                disabled={disabled}
                onPointerDown={start}
                onPointerUp={stop}
                onBlur={stop}
                onChange={(e) => {
                  let value = Number(e.target.value);
                  if (key === 'posterize' && value === 1) value = filters.posterize > 1 ? 0 : 2;
                  onFilters({ ...filters, [key]: value });
                }}
              />
              <output>{filters[key]}</output>
            </label>
          ))}
          <label className="editor-check">
            <input
              type="checkbox"
              checked={filters.greyscale}
              disabled={disabled}
              onChange={(e) => onFilters({ ...filters, greyscale: e.target.checked })}
            />
            <span>Greyscale</span>
          </label>
          <div className="layer-actions">
            <button
              type="button"
              disabled={disabled || layer.filters === null}
              onClick={() => onFilters(null)}
            >
              Reset filters
            </button>
          </div>
          {props.children}
        </div>
      ) : (
        <p className="muted editor-hint">
          Pick an image layer to adjust it. Paste a picture (Ctrl+V) to add one.
        </p>
      )}
    </section>
  );
}
