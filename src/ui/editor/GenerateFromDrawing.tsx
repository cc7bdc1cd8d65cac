import { useCallback, useEffect, useRef, useState } from 'react';
import { generateFromDrawing } from '../../ai/frames/generateFromDrawing';
import type { DrawingMask } from '../../ai/providers/types';
import type { Drawing } from '../../model/drawing';
import type { ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { openSettings } from '../ai/settingsDialogStore';
import { useAi } from '../ai/useAi';
import { canvasToPng, flattenToCanvas } from './canvas/flatten';
import type { ImageLookup } from './canvas/itemNodes';
import './generateFromDrawing.css';

interface Props {
  readonly session: ProjectSession;
  readonly shotId: ShotId;
  readonly drawing: Drawing;
  readonly aspect: number;
  readonly images: ImageLookup;
}

/** The mask is painted on a preview this wide; it is scaled to the drawing's size when sent. */
const PREVIEW_WIDTH_PX = 320;
const MASK_BRUSH_PX = 18;

/**
 * "Generate from drawing" in the editor's top bar: the drawing as it looks now (flattened, as
 * Save frame does), with an optional brushed mask, goes to a provider that can work from an
 * image; the answer becomes a take with source 'ai' and the frame. The drawing's layers stay as
 * they are. With no such provider it offers to set one up, as the inspector does.
 */
export function GenerateFromDrawing({ session, shotId, drawing, aspect, images }: Props) {
  const ai = useAi();
  const [open, setOpen] = useState(false);
  const [able, setAble] = useState<boolean | null>(null);
  const [prompt, setPrompt] = useState('');
  const [masking, setMasking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const strokesRef = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void ai.canDrawFrom().then((yes) => live && setAble(yes));
    return () => {
      live = false;
    };
  }, [ai, open]);

  const generate = async () => {
    setBusy(true);
    setStatus('Generating from your drawing…');
    try {
      const flat = flattenToCanvas(drawing, aspect, images);
      const drawingPng = await pngOf(flat);
      const painted = masking ? strokesRef.current : null;
      const outcome = await generateFromDrawing(
        { session, router: ai.router, assets: ai.assets },
        {
          shotId,
          prompt,
          drawing: { bytes: drawingPng, mimeType: 'image/png' },
          mask: painted ? await exportMask(painted, flat.width, flat.height) : null,
        },
      );
      setStatus(
        `New take from ${outcome.providerLabel}; your drawing is unchanged.${
          outcome.trouble ? ` ${outcome.trouble}` : ''
        }`,
      );
    } catch (error) {
      setStatus(`Not generated: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="editor-generate">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Generate from drawing
      </button>
      {open ? (
        <section className="editor-generate-panel" aria-label="Generate from drawing">
          {able === false ? (
            <div role="group" aria-label="No AI provider">
              <p>
                No provider that works from a drawing is set up: OpenAI (gpt-image), Stability AI or
                AUTOMATIC1111 can finish a frame from it.
              </p>
              <button type="button" className="primary" onClick={() => openSettings('providers')}>
                Set up a provider
              </button>
            </div>
          ) : (
            <>
              <label className="editor-generate-field">
                <span>Prompt</span>
                <textarea
                  value={prompt}
                  rows={3}
                  placeholder="What the finished frame shows; your drawing gives the composition"
                  onChange={(e) => setPrompt(e.target.value)}
                />
              </label>
              <label className="editor-check">
                <input
                  type="checkbox"
                  checked={masking}
                  onChange={(e) => setMasking(e.target.checked)}
                />
                Mask
              </label>
              {masking ? (
                <MaskPainter
                  strokesRef={strokesRef}
                  drawing={drawing}
                  aspect={aspect}
                  images={images}
                />
              ) : null}
              <button
                type="button"
                className="primary"
                disabled={busy || session.readOnly || able === null}
                onClick={() => void generate()}
              >
                Generate
              </button>
            </>
          )}
          <p className="editor-generate-status" role="status">
            {status}
          </p>
        </section>
      ) : null}
    </div>
  );
}

/** Copies into a buffer of its own: what the provider request types ask for. */
async function pngOf(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await canvasToPng(canvas));
}

function blankCanvas(width: number, height: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the mask.');
  return { canvas, ctx };
}

/** The brushed region at the drawing's size, in both forms providers take. */
async function exportMask(
  strokes: HTMLCanvasElement,
  width: number,
  height: number,
): Promise<DrawingMask> {
  const white = blankCanvas(width, height);
  white.ctx.drawImage(strokes, 0, 0, width, height);
  white.ctx.globalCompositeOperation = 'source-in';
  white.ctx.fillStyle = '#ffffff';
  white.ctx.fillRect(0, 0, width, height);
  white.ctx.globalCompositeOperation = 'destination-over';
  white.ctx.fillStyle = '#000000';
  white.ctx.fillRect(0, 0, width, height);
  const clear = blankCanvas(width, height);
  clear.ctx.fillStyle = '#000000';
  clear.ctx.fillRect(0, 0, width, height);
  clear.ctx.globalCompositeOperation = 'destination-out';
  clear.ctx.drawImage(strokes, 0, 0, width, height);
  return {
    whiteToChange: { bytes: await pngOf(white.canvas), mimeType: 'image/png' },
    clearToChange: { bytes: await pngOf(clear.canvas), mimeType: 'image/png' },
  };
}

/**
 * A preview of the drawing to brush the mask on: the strokes go on `strokesRef` (a canvas of
 * their own, kept by the parent for the request) and show in red over the picture.
 */
function MaskPainter({
  strokesRef,
  drawing,
  aspect,
  images,
}: {
  readonly strokesRef: React.RefObject<HTMLCanvasElement | null>;
  readonly drawing: Drawing;
  readonly aspect: number;
  readonly images: ImageLookup;
}) {
  const view = useRef<HTMLCanvasElement | null>(null);
  const picture = useRef<HTMLCanvasElement | null>(null);
  const down = useRef(false);
  const width = PREVIEW_WIDTH_PX;
  const height = Math.round(PREVIEW_WIDTH_PX / aspect);

  const paint = useCallback(() => {
    const ctx = view.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    if (picture.current) ctx.drawImage(picture.current, 0, 0, width, height);
    if (strokesRef.current) {
      ctx.globalAlpha = 0.5;
      ctx.drawImage(strokesRef.current, 0, 0, width, height);
      ctx.globalAlpha = 1;
    }
  }, [height, strokesRef, width]);

  useEffect(() => {
    picture.current = flattenToCanvas(drawing, aspect, images);
    if (!strokesRef.current) strokesRef.current = blankCanvas(width, height).canvas;
    paint();
  }, [drawing, aspect, images, paint, strokesRef, width, height]);

  const dab = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = strokesRef.current?.getContext('2d');
    const box = e.currentTarget.getBoundingClientRect();
    if (!ctx || box.width === 0) return;
    ctx.fillStyle = '#ff2020';
    ctx.beginPath();
    const x = ((e.clientX - box.left) / box.width) * width;
    const y = ((e.clientY - box.top) / box.height) * height;
    ctx.arc(x, y, MASK_BRUSH_PX / 2, 0, Math.PI * 2);
    ctx.fill();
    paint();
  };

  return (
    <div className="editor-mask">
      <canvas
        ref={view}
        width={width}
        height={height}
        className="editor-mask-canvas"
        aria-label="Mask: paint the part that may change"
        onPointerDown={(e) => {
          down.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          dab(e);
        }}
        onPointerMove={(e) => {
          if (down.current) dab(e);
        }}
        onPointerUp={() => {
          down.current = false;
        }}
      />
      <button
        type="button"
        onClick={() => {
          const s = strokesRef.current;
          s?.getContext('2d')?.clearRect(0, 0, s.width, s.height);
          paint();
        }}
      >
        Clear mask
      </button>
    </div>
  );
}
