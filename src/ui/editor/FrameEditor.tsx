import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  sameDrawing,
  type Drawing,
  type DrawingItem,
  type DrawingLayer,
} from '../../model/drawing';
import { UNITS_PER_HEIGHT } from '../../model/drawingUnits';
import type { ShotId } from '../../model/ids';
import { aspectValue, type ProjectSnapshot } from '../../model/project';
import type { ProjectSession } from '../../store';
import { DEFAULT_SIZES, TOOLS, type CameraMark, type ToolId } from './canvas/tools';
import { CameraMoveFields } from './CameraMoveFields';
import { EditorCanvas, type CanvasHost } from './canvas/EditorCanvas';
import { ClosePrompt } from './ClosePrompt';
import { GenerateFromDrawing } from './GenerateFromDrawing';
import { LayersPanel } from './LayersPanel';
import { ImagePanel } from './ImagePanel';
import { RemoveBackground } from './RemoveBackground';
import { useImageLayers } from './useImageLayers';
import { usePastedPictures } from './usePastedPictures';
import { frameUnits } from './canvas/itemNodes';
import { ShortcutSheet } from './ShortcutSheet';
import { ToolRail } from './ToolRail';
import { ViewPanel, type Reference } from './ViewPanel';
import { NO_GUIDES, type Guides } from './canvas/guides';
import { hashesOf, useEditorImages } from './useEditorImages';
import { useDrawingActions } from './useDrawingActions';
import { useSaveFrame } from './useSaveFrame';
import { useFill } from './useFill';
import { useMergeDown } from './useMergeDown';
import { useLiveStrokes } from './useLiveStrokes';
import { Avatar } from '../collab/Avatar';
import { useModalLayer } from '../common/useModalLayer';
import './editor.css';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shotId: ShotId;
  readonly onClose: () => void;
}

const SWATCHES = [
  '#1b1b1b',
  '#5c5c5c',
  '#a3a3a3',
  '#ffffff',
  '#b3412e',
  '#e8a33d',
  '#3d7a4f',
  '#2f5f8f',
];

/** The layer work goes to: the chosen one, or (default ids become real on the first stroke) its kind. */
function resolveActive(
  drawing: Drawing,
  active: { id: string; kind: string },
): DrawingLayer | null {
  return (
    drawing.layers.find((l) => l.id === active.id) ??
    drawing.layers.find((l) => l.kind === active.kind) ??
    drawing.layers.at(-1) ??
    null
  );
}

/**
 * The frame editor (issue 12): a full-window dialog over the project, loaded on first use. The
 * canvas is plain Konva driven by EditorCanvas; React draws only the chrome around it.
 */
export default function FrameEditor({ session, snapshot, shotId, onClose }: Props) {
  const shot = snapshot.shots.find((s) => s.id === shotId) ?? null;
  const aspect = aspectValue(snapshot.meta.aspectRatio);
  const drawing = useSyncExternalStore(session.subscribe, () => session.drawing(shotId));
  const actions = useDrawingActions(session, shotId);
  const readOnly = session.readOnly;
  const [tool, setTool] = useState<ToolId>('pencil');
  const [color, setColor] = useState('#1b1b1b');
  const [sizes, setSizes] = useState(DEFAULT_SIZES);
  const [penOnly, setPenOnly] = useState(false);
  const [active, setActive] = useState({ id: 'default:pencil', kind: 'pencil' });
  const [sheet, setSheet] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [selection, setSelection] = useState<readonly string[]>([]);
  const [text, setText] = useState<{
    at: { x: number; y: number };
    left: number;
    top: number;
  } | null>(null);
  const [zoom, setZoom] = useState(1);
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<EditorCanvas | null>(null);
  const [canvasNow, setCanvasNow] = useState<EditorCanvas | null>(null);
  const { share, drawingHere } = useLiveStrokes(shotId, canvasNow);
  const activeLayer = resolveActive(drawing, active);
  const drawable =
    activeLayer && activeLayer.visible && !activeLayer.locked && !readOnly ? activeLayer : null;
  const [guides, setGuides] = useState<Guides>(NO_GUIDES);
  const [reference, setReference] = useState<Reference>({
    onion: false,
    onionOpacity: 0.3,
    lightTable: '',
  });
  const index = snapshot.shots.findIndex((s) => s.id === shotId);
  const previous = index > 0 ? (snapshot.shots[index - 1] ?? null) : null;
  const next = snapshot.shots[index + 1] ?? null;
  const lightShot = snapshot.shots.find((s) => s.id === reference.lightTable) ?? null;
  const underlayHashes = [
    ...(reference.onion ? [previous?.frameHash ?? null, next?.frameHash ?? null] : []),
    lightShot?.frameHash ?? null,
  ];
  const images = useEditorImages(hashesOf(drawing, underlayHashes));
  const saver = useSaveFrame(session, shotId, drawing, aspect, images);
  const fill = useFill(drawing, aspect, images, color);
  const [closing, setClosing] = useState(false);
  // Strokes are stored as they are drawn; only the flattened frame can be behind them.
  const stale = !readOnly && !sameDrawing(drawing, saver.savedDrawing);
  const requestClose = () => (stale ? setClosing(true) : onClose());
  const mergeDown = useMergeDown(session, shotId, drawing, aspect, images, setMessage);
  const layerActions = useMemo(() => ({ ...actions, mergeDown }), [actions, mergeDown]);
  const frame = useMemo(() => frameUnits(aspect), [aspect]);
  const onImageAdded = useCallback((id: string) => setActive({ id, kind: 'image' }), []);
  const pictures = useImageLayers(
    session,
    shotId,
    frame,
    activeLayer?.id ?? null,
    onImageAdded,
    setMessage,
  );
  const imageLayer = activeLayer?.kind === 'image' ? activeLayer : null;
  usePastedPictures(pictures, readOnly);

  const activate = useCallback(
    (id: string) => {
      const layer = drawing.layers.find((l) => l.id === id);
      if (layer) setActive({ id, kind: layer.kind });
    },
    [drawing],
  );

  // The host is read through a ref so the canvas, made once, always calls the current one.
  const hostRef = useRef<CanvasHost | null>(null);
  useLayoutEffect(() => {
    hostRef.current = {
      addItem: (item: DrawingItem) => {
        if (drawable) actions.addItem(drawable.id, item);
      },
      transform: (items) => actions.transform(items),
      erase: (ids) => actions.erase(ids),
      pickColor: (hex) => {
        setColor(hex);
        setTool('pencil');
      },
      requestText: (at, screen) => {
        const box = containerRef.current?.getBoundingClientRect();
        setText({ at, left: screen.x - (box?.left ?? 0), top: screen.y - (box?.top ?? 0) });
      },
      fill: (at) => {
        if (!drawable) return;
        void fill(at).then((item) => {
          if (item) actions.addItem(drawable.id, item);
          else setMessage('Nothing to fill there.');
        });
      },
      say: setMessage,
      selected: setSelection,
      live: share,
    };
  }, [drawable, actions, fill, share]);

  const [camera, setCamera] = useState<CameraMark>({ move: 'pan', label: 'Pan' });
  const toolState = useMemo(
    () => ({ tool, color, size: sizes[tool], penOnly, layer: drawable, camera }),
    [tool, color, sizes, penOnly, drawable, camera],
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const host: CanvasHost = {
      addItem: (i) => hostRef.current?.addItem(i),
      transform: (i) => hostRef.current?.transform(i),
      erase: (i) => hostRef.current?.erase(i),
      pickColor: (c) => hostRef.current?.pickColor(c),
      requestText: (a, s) => hostRef.current?.requestText(a, s),
      fill: (a) => hostRef.current?.fill(a),
      say: (m) => hostRef.current?.say(m),
      selected: (s) => hostRef.current?.selected(s),
      live: (s) => hostRef.current?.live(s),
    };
    const canvas = new EditorCanvas(container, aspect, host, toolState);
    canvasRef.current = canvas;
    setCanvasNow(canvas);
    setZoom(canvas.view.zoom);
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      canvas.resize(entry.contentRect.width, entry.contentRect.height);
      setZoom(canvas.view.zoom);
    });
    observer.observe(container);
    const onWheel = () => setZoom(canvas.view.zoom);
    container.addEventListener('wheel', onWheel);
    return () => {
      observer.disconnect();
      container.removeEventListener('wheel', onWheel);
      canvas.destroy();
      canvasRef.current = null;
      setCanvasNow(null);
    };
    // The canvas is made once per shot and aspect; tools and drawing follow below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aspect, shotId]);

  useEffect(() => canvasRef.current?.setTools(toolState), [toolState]);
  useEffect(() => canvasNow?.setGuides(guides), [canvasNow, guides]);
  const underlayKey = underlayHashes.join(',');
  useEffect(() => {
    const [prev, nxt, light] = reference.onion ? underlayKey.split(',') : ['', '', underlayKey];
    const pictures = [];
    for (const [hash, opacity] of [
      [prev, reference.onionOpacity],
      [nxt, reference.onionOpacity],
      [light, 0.25],
    ] as const) {
      const image = hash ? images(hash) : null;
      if (image) pictures.push({ image, opacity });
    }
    canvasNow?.setUnderlays(pictures);
  }, [canvasNow, images, underlayKey, reference.onion, reference.onionOpacity]);
  useEffect(() => canvasRef.current?.setDrawing(drawing, images), [drawing, images]);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 4_000);
    return () => clearTimeout(timer);
  }, [message]);

  const layerRef = useRef<HTMLDivElement>(null);
  useModalLayer(layerRef);
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  useLayoutEffect(() => {
    onKey.current = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (e.ctrlKey || e.metaKey) {
        if (key === 'z' && !e.shiftKey) session.undo();
        else if ((key === 'z' && e.shiftKey) || key === 'y') session.redo();
        else if (key === 's') void saver.save();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey) return;
      if (e.key === 'Escape') {
        if (closing) setClosing(false);
        else if (sheet) setSheet(false);
        else if (text) setText(null);
        // Escape lets go of a selection first, as in any drawing program; only then does it close.
        else if (selection.length > 0) canvasRef.current?.select([]);
        else requestClose();
        e.preventDefault();
        return;
      }
      if (e.key === '?') return setSheet((open) => !open);
      if (e.key === '0') return canvasRef.current?.view.fit();
      if (e.key === '[' || e.key === ']') {
        const step = e.key === '[' ? 0.8 : 1.25;
        setSizes((s) => ({ ...s, [tool]: Math.min(200, Math.max(1, Math.round(s[tool] * step))) }));
        return;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && selection.length > 0) {
        actions.erase(selection);
        e.preventDefault();
        return;
      }
      const match = TOOLS.find((t) => t.key === key);
      if (match && !e.shiftKey) setTool(match.id);
    };
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const commitText = (value: string) => {
    const words = value.trim();
    if (words && text && drawable) {
      actions.addItem(drawable.id, {
        id: crypto.randomUUID(),
        type: 'text',
        text: words.slice(0, 2_000),
        color,
        size: Math.max(1, Math.round((sizes.text / 1080) * UNITS_PER_HEIGHT)),
        x: Math.round(text.at.x),
        y: Math.round(text.at.y),
        rotation: 0,
        scale: 1,
      });
    }
    setText(null);
  };

  return (
    <div
      ref={layerRef}
      className="frame-editor"
      role="dialog"
      aria-modal="true"
      aria-label="Frame editor"
    >
      <header className="editor-bar">
        <h2 className="editor-title">
          Draw <span className="muted">· Shot {shot?.number ?? ''}</span>
        </h2>
        <div className="editor-bar-group">
          <button
            type="button"
            onClick={() => session.undo()}
            disabled={readOnly}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={() => session.redo()}
            disabled={readOnly}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
          <button
            type="button"
            className="editor-zoom"
            title="Fit the frame (0)"
            aria-label={`${Math.round((zoom * UNITS_PER_HEIGHT * 100) / 1080)}%, fit the frame`}
            onClick={() => {
              canvasRef.current?.view.fit();
              setZoom(canvasRef.current?.view.zoom ?? 1);
            }}
          >
            {Math.round((zoom * UNITS_PER_HEIGHT * 100) / 1080)}%
          </button>
          <button
            type="button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setSheet((o) => !o)}
          >
            ?
          </button>
        </div>
        <div className="editor-bar-group">
          {drawingHere.length > 0 ? (
            <span className="editor-peers" role="status">
              {drawingHere.map((peer) => (
                <Avatar key={peer.clientId} person={peer.state.user} size="small" />
              ))}
              <span>{drawingHere.map((peer) => peer.state.user.name).join(', ')} drawing</span>
            </span>
          ) : null}
          <span className="editor-status" role="status">
            {saver.status}
          </span>
          <GenerateFromDrawing
            session={session}
            shotId={shotId}
            drawing={drawing}
            aspect={aspect}
            images={images}
          />
          <button
            type="button"
            className="primary"
            disabled={readOnly || saver.busy}
            onClick={() => void saver.save()}
          >
            Save frame
          </button>
          <button type="button" onClick={requestClose}>
            Close
          </button>
        </div>
      </header>
      <div className="editor-body">
        <ToolRail tool={tool} onTool={setTool} />
        <div className="editor-stage-wrap">
          <div ref={containerRef} className="editor-stage" data-testid="editor-stage" />
          {text ? (
            <input
              className="editor-text-input"
              style={{ left: text.left, top: text.top }}
              aria-label="Text"
              autoFocus
              placeholder="Type, then Enter"
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter') commitText(e.currentTarget.value);
                if (e.key === 'Escape') setText(null);
              }}
              onBlur={(e) => commitText(e.currentTarget.value)}
            />
          ) : null}
          {message ? (
            <p className="editor-message" role="alert">
              {message}
            </p>
          ) : null}
          {sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null}
          {closing ? (
            <ClosePrompt
              busy={saver.busy}
              onSave={() => void saver.save().then((saved) => saved && onClose())}
              onDiscard={onClose}
              onCancel={() => setClosing(false)}
            />
          ) : null}
        </div>
        <aside className="editor-side" aria-label="Colour, size and layers">
          <section className="editor-brush" aria-label="Brush">
            <h3 className="editor-panel-title">{TOOLS.find((t) => t.id === tool)?.label}</h3>
            <div className="swatches">
              <input
                type="color"
                aria-label="Colour"
                value={color}
                onChange={(e) => setColor(e.target.value)}
              />
              {SWATCHES.map((swatch) => (
                <button
                  key={swatch}
                  type="button"
                  className={`swatch${swatch === color ? ' current' : ''}`}
                  style={{ background: swatch }}
                  aria-label={`Colour ${swatch}`}
                  onClick={() => setColor(swatch)}
                />
              ))}
            </div>
            <label className="editor-field">
              <span>Size</span>
              <input
                type="range"
                min={1}
                max={200}
                aria-label="Size"
                value={sizes[tool]}
                onChange={(e) => setSizes((s) => ({ ...s, [tool]: Number(e.target.value) }))}
              />
              <output>{sizes[tool]}</output>
            </label>
            {tool === 'camera' ? <CameraMoveFields value={camera} onChange={setCamera} /> : null}
            <label className="editor-check">
              <input
                type="checkbox"
                checked={penOnly}
                onChange={(e) => setPenOnly(e.target.checked)}
              />
              <span>Pen only (palm rejection)</span>
            </label>
          </section>
          <LayersPanel
            drawing={drawing}
            activeId={activeLayer?.id ?? null}
            onActivate={activate}
            actions={layerActions}
            disabled={readOnly}
          />
          <ImagePanel
            layer={imageLayer}
            hasFrame={Boolean(shot?.frameHash)}
            disabled={readOnly}
            onFile={(file) =>
              void file.arrayBuffer().then((b) => pictures.addBytes(new Uint8Array(b), file.name))
            }
            onFrame={() => shot?.frameHash && void pictures.addHash(shot.frameHash, 'Frame')}
            onFilters={(filters) => imageLayer && actions.setFilters(imageLayer.id, filters)}
            onDragStart={() => {
              const gesture = session.beginGesture();
              return () => gesture.end();
            }}
          >
            {imageLayer ? (
              <RemoveBackground
                session={session}
                shotId={shotId}
                layer={imageLayer}
                disabled={readOnly}
              />
            ) : null}
          </ImagePanel>
          <ViewPanel
            guides={guides}
            onGuides={setGuides}
            reference={reference}
            onReference={setReference}
            boards={snapshot.shots.filter((s) => s.id !== shotId && s.frameHash !== null)}
          />
        </aside>
      </div>
    </div>
  );
}
