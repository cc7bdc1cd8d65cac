import {
  BOARDS_PER_PAGE,
  MAX_GRID,
  PAPER_NAMES,
  PAPER_SIZES,
  PDF_FIELD_LABELS,
  PDF_FIELDS,
  type PdfField,
  type PdfOptions,
  type PdfSelection,
} from '../../export/pdf/pdfOptions';

interface Props {
  readonly options: PdfOptions;
  readonly onChange: (options: PdfOptions) => void;
  readonly selection: PdfSelection;
  readonly onSelection: (selection: PdfSelection) => void;
  readonly scenes: readonly {
    readonly id: string;
    readonly number: string;
    readonly heading: string;
  }[];
  readonly shotNumbers: readonly string[];
}

const GRID = 'grid';

function layoutValue(options: PdfOptions): string {
  return options.layout.kind === 'grid' ? GRID : String(options.layout.boards);
}

/** Paper, layout, fields and what to print: every setting a preset keeps, plus the selection. */
export function PdfOptionsForm({
  options,
  onChange,
  selection,
  onSelection,
  scenes,
  shotNumbers,
}: Props) {
  const set = (patch: Partial<PdfOptions>) => onChange({ ...options, ...patch });
  const grid = options.layout.kind === 'grid' ? options.layout : null;
  const toggleField = (field: PdfField, on: boolean) =>
    set({
      fields: PDF_FIELDS.filter((f) => (f === field ? on : options.fields.includes(f))),
    });
  const setLayout = (value: string) =>
    set({
      layout:
        value === GRID
          ? { kind: 'grid', columns: 4, rows: 4 }
          : { kind: 'perPage', boards: Number(value) as (typeof BOARDS_PER_PAGE)[number] },
    });
  const setGrid = (patch: { columns?: number; rows?: number }) => {
    if (!grid) return;
    const clamp = (n: number) => Math.min(MAX_GRID, Math.max(1, Math.round(n) || 1));
    set({
      layout: {
        kind: 'grid',
        columns: clamp(patch.columns ?? grid.columns),
        rows: clamp(patch.rows ?? grid.rows),
      },
    });
  };

  return (
    <div className="pdf-options">
      <fieldset className="pdf-group">
        <legend>Page</legend>
        <div className="field-row">
          <label className="field">
            <span>Paper</span>
            <select
              value={options.paper}
              onChange={(e) => set({ paper: e.target.value as PdfOptions['paper'] })}
            >
              {PAPER_NAMES.map((name) => (
                <option key={name} value={name}>
                  {PAPER_SIZES[name].label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Orientation</span>
            <select
              value={options.orientation}
              onChange={(e) => set({ orientation: e.target.value as PdfOptions['orientation'] })}
            >
              <option value="landscape">Landscape</option>
              <option value="portrait">Portrait</option>
            </select>
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>Layout</span>
            <select value={layoutValue(options)} onChange={(e) => setLayout(e.target.value)}>
              {BOARDS_PER_PAGE.map((n) => (
                <option key={n} value={n}>
                  {n} {n === 1 ? 'board' : 'boards'} per page
                </option>
              ))}
              <option value={GRID}>Custom grid</option>
            </select>
          </label>
          <label className="field">
            <span>Text placement</span>
            <select
              value={options.direction}
              onChange={(e) => set({ direction: e.target.value as PdfOptions['direction'] })}
            >
              <option value="horizontal">Below the frame</option>
              <option value="vertical">Beside the frame (vertical)</option>
            </select>
          </label>
        </div>
        {grid ? (
          <div className="field-row">
            <label className="field">
              <span>Columns</span>
              <input
                type="number"
                min={1}
                max={MAX_GRID}
                value={grid.columns}
                onChange={(e) => setGrid({ columns: Number(e.target.value) })}
              />
            </label>
            <label className="field">
              <span>Rows</span>
              <input
                type="number"
                min={1}
                max={MAX_GRID}
                value={grid.rows}
                onChange={(e) => setGrid({ rows: Number(e.target.value) })}
              />
            </label>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="pdf-group">
        <legend>On each board</legend>
        <div className="pdf-fields">
          {PDF_FIELDS.map((field) => (
            <label key={field} className="check">
              <input
                type="checkbox"
                checked={options.fields.includes(field)}
                onChange={(e) => toggleField(field, e.target.checked)}
              />
              {PDF_FIELD_LABELS[field]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="pdf-group">
        <legend>Document</legend>
        <div className="pdf-fields">
          <label className="check">
            <input
              type="checkbox"
              checked={options.cover}
              onChange={(e) => set({ cover: e.target.checked })}
            />
            Cover page
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.header}
              onChange={(e) => set({ header: e.target.checked })}
            />
            Header
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.footer}
              onChange={(e) => set({ footer: e.target.checked })}
            />
            Footer
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.blackAndWhite}
              onChange={(e) => set({ blackAndWhite: e.target.checked })}
            />
            Black and white
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={options.worksheet}
              onChange={(e) => set({ worksheet: e.target.checked })}
            />
            Worksheet (empty frames)
          </label>
        </div>
        {options.worksheet ? (
          <label className="field">
            <span>Worksheet pages</span>
            <input
              type="number"
              min={1}
              max={100}
              value={options.worksheetPages}
              onChange={(e) =>
                set({
                  worksheetPages: Math.min(
                    100,
                    Math.max(1, Math.round(Number(e.target.value)) || 1),
                  ),
                })
              }
            />
          </label>
        ) : null}
      </fieldset>

      {options.worksheet ? null : (
        <fieldset className="pdf-group">
          <legend>Boards</legend>
          <label className="field">
            <span>Scene</span>
            <select
              value={selection.sceneIds[0] ?? ''}
              onChange={(e) =>
                onSelection({ ...selection, sceneIds: e.target.value ? [e.target.value] : [] })
              }
            >
              <option value="">All scenes</option>
              {scenes.map((scene) => (
                <option key={scene.id} value={scene.id}>
                  {scene.number}. {scene.heading}
                </option>
              ))}
            </select>
          </label>
          <div className="field-row">
            <label className="field">
              <span>From shot</span>
              <input
                list="pdf-shot-numbers"
                value={selection.fromShot}
                placeholder="first"
                onChange={(e) => onSelection({ ...selection, fromShot: e.target.value })}
              />
            </label>
            <label className="field">
              <span>To shot</span>
              <input
                list="pdf-shot-numbers"
                value={selection.toShot}
                placeholder="last"
                onChange={(e) => onSelection({ ...selection, toShot: e.target.value })}
              />
            </label>
            <datalist id="pdf-shot-numbers">
              {shotNumbers.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </div>
        </fieldset>
      )}
    </div>
  );
}
