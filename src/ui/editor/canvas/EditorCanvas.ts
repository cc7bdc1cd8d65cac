import Konva from 'konva';
import type { Drawing, DrawingItem, DrawingLayer, StrokeTool } from '../../../model/drawing';
import { strokeOutline } from '../../../model/drawingOutline';
import {
  pressureOf,
  quantiseStroke,
  strokePoints,
  UNITS_PER_HEIGHT,
  type InputPoint,
} from '../../../model/drawingUnits';
import {
  coverNode,
  fillOutline,
  frameUnits,
  itemNode,
  layerGroup,
  type FrameUnits,
  type ImageLookup,
} from './itemNodes';
import { hasEraser } from '../../../model/drawing';
import { sameFilters } from './layerFilters';
import { outlineDamage, type Box } from './outlineDamage';
import { defaultVanishingPoints, guideNodes, NO_GUIDES, type Guides, type Point } from './guides';
import { isPenTool, isShapeTool, shapeItem, type CameraMark, type ToolId } from './tools';
import { capture, ViewControl } from './viewControl';

/** What the canvas asks of the editor around it (which runs the commands). */
export interface CanvasHost {
  addItem(item: DrawingItem): void;
  transform(items: readonly DrawingItem[]): void;
  erase(itemIds: readonly string[]): void;
  pickColor(hex: string): void;
  /** The Text tool was clicked at `at` (units); the editor asks for the words. */
  requestText(at: { x: number; y: number }, screen: { x: number; y: number }): void;
  /** The Fill tool was clicked at `at` (units). */
  fill(at: { x: number; y: number }): void;
  /** Something the person should know (drawing on a locked layer…). */
  say(message: string): void;
  /** The selection changed (the editor enables Delete). */
  selected(itemIds: readonly string[]): void;
  /** The stroke being drawn (for others to see live), at most every LIVE_SHARE_MS; null at the end. */
  live(stroke: LiveStroke | null): void;
}

/** A stroke in progress: the tool, colour, size (units) and flat x, y, pressure triples. */
export interface LiveStroke {
  readonly tool: StrokeTool;
  readonly color: string;
  readonly size: number;
  readonly points: readonly number[];
}

/** How often the stroke being drawn is shared with others while the pen moves. */
export const LIVE_SHARE_MS = 50;

export interface ToolState {
  readonly tool: ToolId;
  readonly color: string;
  /** Pixels of a 1080-high frame. */
  readonly size: number;
  /** Palm rejection: only a pen draws; touch pans and pinches. */
  readonly penOnly: boolean;
  /** What the camera-move tool draws. */
  readonly camera: CameraMark;
  /** Where new work goes; null when the current layer may not be drawn on. */
  readonly layer: DrawingLayer | null;
}

const PAPER = '#ffffff';
/** Longest the live stroke may grow (model/drawing.ts MAX_STROKE_POINTS). */
const MAX_LIVE_POINTS = 10_000;

/**
 * The frame editor's canvas: a Konva stage in frame units (model/drawingUnits.ts), one Konva
 * layer per drawing layer (its own canvas, so an eraser erases only its layer and an unchanged
 * layer is never redrawn), and one live layer on top where the stroke being drawn is painted
 * straight from the pointer events — no React state per event (PITFALLS.md, Drawing).
 *
 * What a frame costs the browser was measured (npm run bench:editor): without a GPU it
 * composites every displayed canvas holding pixels each frame, and redraws on screen only what
 * changed. So a layer with nothing to show is hidden (display: none), and the live stroke
 * repaints only the part of its outline that moved (outlineDamage), not its whole canvas.
 */
export class EditorCanvas {
  readonly stage: Konva.Stage;
  readonly frame: FrameUnits;
  readonly view: ViewControl;
  private readonly paper: Konva.Layer;
  readonly underlay: Konva.Layer;
  readonly overlay: Konva.Layer;
  private readonly live: Konva.Layer;
  /** The transformer's own layer, shown only while something is selected. */
  private readonly selecting: Konva.Layer;
  private readonly peers: Konva.Layer;
  private liveSharedAt = 0;
  private scratch: HTMLCanvasElement | null = null;
  private readonly liveShape: Konva.Shape;
  private readonly transformer: Konva.Transformer;
  private readonly drawn = new Map<string, { layer: DrawingLayer; node: Konva.Layer }>();
  private items = new Map<string, DrawingItem>();
  private tools: ToolState;
  private images: ImageLookup = () => null;
  private liveOutline: number[] = [];
  private livePoints: InputPoint[] = [];
  private liveColor = '#000000';
  private stroke: { pointerId: number; tool: ToolId; start: { x: number; y: number } } | null =
    null;
  /** Where the Text tool was pressed, till the press ends and the box opens there. */
  private textPress: {
    pointerId: number;
    at: { x: number; y: number };
    screen: { x: number; y: number };
  } | null = null;
  private shapePreview: Konva.Shape | null = null;
  private guides: Guides = NO_GUIDES;
  private vanishing: Point[];
  /** Pointer → paint times of the live stroke, for the benchmark (ms, newest last). */
  readonly latencies: number[] = [];

  constructor(
    container: HTMLDivElement,
    aspectRatio: number,
    private readonly host: CanvasHost,
    tools: ToolState,
  ) {
    this.tools = tools;
    this.frame = frameUnits(aspectRatio);
    this.vanishing = defaultVanishingPoints(this.frame);
    const { width, height } = container.getBoundingClientRect();
    this.stage = new Konva.Stage({ container, width: width || 800, height: height || 600 });
    this.paper = new Konva.Layer({ listening: false });
    this.paper.add(
      new Konva.Rect({
        x: -this.frame.halfWidth,
        y: -this.frame.halfHeight,
        width: this.frame.halfWidth * 2,
        height: this.frame.halfHeight * 2,
        fill: PAPER,
        shadowColor: '#000000',
        shadowBlur: 24,
        shadowOpacity: 0.25,
        shadowForStrokeEnabled: false,
      }),
    );
    this.underlay = new Konva.Layer({ listening: false, visible: false });
    this.overlay = new Konva.Layer({ visible: false });
    this.live = new Konva.Layer({ listening: false, visible: false });
    this.selecting = new Konva.Layer({ visible: false });
    this.peers = new Konva.Layer({ listening: false, visible: false });
    this.liveShape = new Konva.Shape({
      sceneFunc: (ctx, shape) => {
        fillOutline(ctx, this.liveOutline);
        ctx.fillStrokeShape(shape);
      },
    });
    this.liveShape.listening(false);
    this.live.add(this.liveShape);
    this.transformer = new Konva.Transformer({
      rotateEnabled: true,
      keepRatio: true,
      enabledAnchors: ['top-left', 'top-right', 'bottom-left', 'bottom-right'],
      borderStroke: '#3d8bd9',
      anchorStroke: '#3d8bd9',
    });
    this.selecting.add(this.transformer);
    this.stage.add(this.paper, this.underlay, this.peers, this.live, this.selecting, this.overlay);
    this.view = new ViewControl(
      this.stage,
      this.frame,
      () => this.tools.penOnly,
      () => this.view?.zoom && this.drawGuides(),
    );
    this.view.fit();
    container.style.touchAction = 'none';
    container.addEventListener('pointerdown', this.onDown);
    container.addEventListener('pointermove', this.onMove);
    container.addEventListener('pointerup', this.onUp);
    container.addEventListener('pointercancel', this.onCancel);
    this.stage.on('click tap', this.onSelectClick);
    this.transformer.on('transformend', this.onTransformEnd);
  }

  destroy(): void {
    const container = this.stage.container();
    container.removeEventListener('pointerdown', this.onDown);
    container.removeEventListener('pointermove', this.onMove);
    container.removeEventListener('pointerup', this.onUp);
    container.removeEventListener('pointercancel', this.onCancel);
    this.view.destroy();
    this.stage.destroy();
  }

  resize(width: number, height: number): void {
    this.stage.size({ width, height });
    this.view.fit();
  }

  setTools(tools: ToolState): void {
    const toolChanged = tools.tool !== this.tools.tool;
    this.tools = tools;
    if (toolChanged) {
      this.select([]);
      // Konva finds what a click hits on each layer's hit canvas, drawn only when the layer is:
      // a layer that starts listening must be drawn again, or the select tool hits nothing.
      for (const { node } of this.drawn.values()) {
        node.listening(tools.tool === 'select');
        node.batchDraw();
      }
    }
    this.stage.container().style.cursor = tools.tool === 'select' ? 'default' : 'crosshair';
  }

  /**
   * Shows `drawing`: a layer whose fields and items are the same objects as last time is left
   * as it is (its canvas is not redrawn). The live stroke ends here: its item has arrived.
   */
  setDrawing(drawing: Drawing, images: ImageLookup): void {
    const imagesChanged = images !== this.images;
    this.images = images;
    const seen = new Set<string>();
    this.items = new Map();
    drawing.layers.forEach((layer, index) => {
      seen.add(layer.id);
      for (const item of layer.items) this.items.set(item.id, item);
      const current = this.drawn.get(layer.id);
      if (current && !imagesChanged && sameLayer(current.layer, layer)) {
        current.node.zIndex(index + 2);
        return;
      }
      const node = current?.node ?? new Konva.Layer({ listening: this.tools.tool === 'select' });
      node.destroyChildren();
      const group = layerGroup(layer, this.frame, images);
      node.add(group);
      if (!current) this.stage.add(node);
      node.zIndex(index + 2);
      // An empty or hidden layer's canvas is not displayed: the browser composites no pixels.
      node.visible(layer.visible && (layer.items.length > 0 || layer.bitmap !== null));
      node.batchDraw();
      this.drawn.set(layer.id, { layer, node });
      if (hasEraser(layer)) node.batchDraw();
    });
    for (const [id, { node }] of this.drawn) {
      if (!seen.has(id)) {
        node.destroy();
        this.drawn.delete(id);
      }
    }
    this.underlay.moveToTop();
    this.peers.moveToTop();
    this.live.moveToTop();
    this.selecting.moveToTop();
    this.overlay.moveToTop();
    this.clearLive();
    // The selection follows its items (moved ones are new nodes).
    const selected = this.transformer.nodes().map((n) => n.name());
    this.select(selected.filter((id) => this.items.has(id)));
  }

  /** The frame point under a screen point (client coordinates), in units. */
  toFrame(clientX: number, clientY: number): { x: number; y: number } {
    const box = this.stage.container().getBoundingClientRect();
    const inverse = this.stage.getAbsoluteTransform().copy().invert();
    return inverse.point({ x: clientX - box.left, y: clientY - box.top });
  }

  select(itemIds: readonly string[]): void {
    const nodes: Konva.Node[] = [];
    for (const id of itemIds) {
      for (const { node } of this.drawn.values()) {
        const found = node.findOne(`.${CSS.escape(id)}`);
        if (found) nodes.push(found);
      }
    }
    for (const node of this.transformer.nodes()) node.draggable(false);
    for (const node of nodes) {
      node.draggable(true);
      node.off('dragend.editor');
      node.on('dragend.editor', this.onTransformEnd);
    }
    this.transformer.nodes(nodes);
    this.selecting.visible(nodes.length > 0);
    this.selecting.batchDraw();
    this.host.selected(nodes.map((n) => n.name()));
  }

  get selection(): string[] {
    return this.transformer.nodes().map((n) => n.name());
  }

  private sizeUnits(): number {
    return Math.max(1, Math.round((this.tools.size / 1080) * UNITS_PER_HEIGHT));
  }

  private readonly onDown = (e: PointerEvent) => {
    if (this.view.handleDown(e)) return;
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    if (this.tools.penOnly && e.pointerType === 'touch') return;
    const { tool } = this.tools;
    if (tool === 'select') return;
    // A vanishing point's handle is dragged, not drawn over.
    const box = this.stage.container().getBoundingClientRect();
    if (this.overlay.getIntersection({ x: e.clientX - box.left, y: e.clientY - box.top })) return;
    const at = this.toFrame(e.clientX, e.clientY);
    if (tool === 'eyedropper') {
      this.pickColor(e);
      return;
    }
    const layer = this.tools.layer;
    if (!layer) {
      this.host.say('The current layer is locked or hidden: choose another to draw on.');
      return;
    }
    if (tool === 'text') {
      // The box opens when the press ends: opened now, it would lose its focus (and close) to
      // the mousedown that follows this pointerdown.
      this.textPress = { pointerId: e.pointerId, at, screen: { x: e.clientX, y: e.clientY } };
      return;
    }
    if (tool === 'fill') {
      this.host.fill(at);
      return;
    }
    capture(this.stage.container(), e.pointerId);
    this.stroke = { pointerId: e.pointerId, tool, start: at };
    // The live layer is shown only while something is drawn; it starts empty.
    this.liveOutline = [];
    this.live.visible(true);
    this.live.draw();
    if (isPenTool(tool)) {
      this.livePoints = [{ ...at, pressure: pressureOf(e, tool) }];
      this.liveColor = tool === 'eraser' ? PAPER : this.tools.color;
      this.liveShape.fill(this.liveColor);
      this.liveShape.opacity(tool === 'eraser' ? 0.85 : layer.opacity);
      this.paintLive(e.timeStamp);
    }
  };

  private readonly onMove = (e: PointerEvent) => {
    if (this.view.handleMove(e)) return;
    const stroke = this.stroke;
    if (!stroke || stroke.pointerId !== e.pointerId) return;
    const tool = stroke.tool;
    if (isPenTool(tool)) {
      // A pen reports more often than the screen refreshes: every sample counts.
      const samples = e.getCoalescedEvents?.() ?? [];
      for (const sample of samples.length > 0 ? samples : [e]) {
        if (this.livePoints.length >= MAX_LIVE_POINTS) break;
        const at = this.toFrame(sample.clientX, sample.clientY);
        this.livePoints.push({ ...at, pressure: pressureOf(sample, tool) });
      }
      this.paintLive(e.timeStamp);
    } else if (isShapeTool(tool)) {
      this.previewShape(stroke.start, this.toFrame(e.clientX, e.clientY));
    }
  };

  private readonly onUp = (e: PointerEvent) => {
    if (this.view.handleUp(e)) return;
    const press = this.textPress;
    if (press && press.pointerId === e.pointerId) {
      this.textPress = null;
      this.host.requestText(press.at, press.screen);
      return;
    }
    const stroke = this.stroke;
    if (!stroke || stroke.pointerId !== e.pointerId) return;
    this.stroke = null;
    const tool = stroke.tool;
    const id = crypto.randomUUID();
    const base = { id, x: 0, y: 0, rotation: 0, scale: 1 };
    if (isPenTool(tool)) {
      const points = quantiseStroke(this.livePoints);
      if (points.length === 3) {
        // A dot: a second point beside the first, so it has an outline.
        const [x = 0, y = 0, p = 50] = points;
        points.push(x + 1, y, p);
      }
      this.host.addItem({
        ...base,
        type: 'stroke',
        tool,
        color: this.tools.color,
        size: this.sizeUnits(),
        points,
      });
      this.host.live(null);
    } else if (isShapeTool(tool)) {
      const end = this.toFrame(e.clientX, e.clientY);
      this.shapePreview?.destroy();
      this.shapePreview = null;
      const points = [stroke.start.x, stroke.start.y, end.x, end.y].map(Math.round);
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = points;
      if (Math.hypot(x2 - x1, y2 - y1) < 20) {
        this.live.batchDraw();
        return;
      }
      this.host.addItem(
        shapeItem(tool, base, this.tools.color, this.sizeUnits(), points, this.tools.camera),
      );
    }
  };

  private readonly onCancel = (e: PointerEvent) => {
    this.view.handleUp(e);
    if (this.stroke?.pointerId === e.pointerId) {
      this.stroke = null;
      this.clearLive();
      this.host.live(null);
    }
  };

  private paintLive(eventTime: number): void {
    const sizePx = this.sizeUnits();
    const before = this.liveOutline;
    this.liveOutline = strokeOutline(this.livePoints, this.stroke?.tool as never, sizePx, false);
    // Painted now, not at the next animation frame: the pen should never wait for the view.
    const damage = outlineDamage(before, this.liveOutline);
    if (damage) this.paintLiveDamage(damage);
    const now = performance.now();
    this.latencies.push(now - eventTime);
    if (this.latencies.length > 5_000) this.latencies.splice(0, 1_000);
    const tool = this.stroke?.tool;
    if (tool && isPenTool(tool) && now - this.liveSharedAt >= LIVE_SHARE_MS) {
      this.liveSharedAt = now;
      this.host.live({
        tool,
        color: this.tools.color,
        size: sizePx,
        points: quantiseStroke(this.livePoints),
      });
    }
  }

  /**
   * Repaints the live stroke inside `box` (units) only: the whole outline is filled on a canvas
   * off screen, clipped to the box, and that rectangle is copied onto the live layer (a full
   * redraw of the layer, on zoom, paints the same). Chromium then uploads and composites only
   * that rectangle. Measured there: a fill clipped to a small box still damages the path's
   * whole bounds, and even a small `clearRect` damages the whole canvas; erasing the box with
   * `destination-out` and drawing an image into it damages the box alone.
   */
  private paintLiveDamage(box: Box): void {
    const canvas = this.live.getCanvas();
    const target = canvas.getContext()._context;
    const { width, height } = canvas._canvas;
    const ratio = canvas.getPixelRatio();
    // The stage only scales and pans: units → device pixels is a scale and an offset.
    const [a = 1, , , d = 1, e = 0, f = 0] = this.live.getAbsoluteTransform().getMatrix();
    const sx = a * ratio;
    const sy = d * ratio;
    const ox = e * ratio;
    const oy = f * ratio;
    // Whole device pixels around the box, with room for antialiasing, within the canvas.
    const x0 = Math.max(0, Math.floor(Math.min(box.x0 * sx, box.x1 * sx) + ox) - 2);
    const y0 = Math.max(0, Math.floor(Math.min(box.y0 * sy, box.y1 * sy) + oy) - 2);
    const x1 = Math.min(width, Math.ceil(Math.max(box.x0 * sx, box.x1 * sx) + ox) + 2);
    const y1 = Math.min(height, Math.ceil(Math.max(box.y0 * sy, box.y1 * sy) + oy) + 2);
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    // The box is filled at the scratch canvas's top-left corner. A scratch as large as the layer
    // cost a copy of all of it on every paint that came before the layer's next frame (drawing
    // into a canvas another one still holds a snapshot of copies it): 28 ms an event, 85% of
    // the time, in a trace of 200 pointer events sent at once.
    const scratch = this.scratchCanvas(w, h);
    const off = scratch.getContext('2d');
    if (!off) return;
    off.save();
    off.beginPath();
    off.rect(0, 0, w, h);
    off.clip();
    off.clearRect(0, 0, w, h);
    off.setTransform(sx, 0, 0, sy, ox - x0, oy - y0);
    off.globalAlpha = this.liveShape.opacity();
    off.fillStyle = this.liveColor;
    const outline = this.liveOutline;
    if (outline.length >= 4) {
      off.beginPath();
      off.moveTo(outline[0] as number, outline[1] as number);
      for (let i = 2; i + 1 < outline.length; i += 2)
        off.lineTo(outline[i] as number, outline[i + 1] as number);
      off.closePath();
      off.fill();
    }
    off.restore();
    target.save();
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.globalAlpha = 1;
    target.globalCompositeOperation = 'destination-out';
    target.fillRect(x0, y0, w, h);
    target.globalCompositeOperation = 'source-over';
    target.drawImage(scratch, 0, 0, w, h, x0, y0, w, h);
    target.restore();
  }

  /**
   * The off-screen canvas the live stroke's damaged box is filled on: at least `width` ×
   * `height`, grown (never shrunk) as boxes need, so it is seldom made again.
   */
  private scratchCanvas(width: number, height: number): HTMLCanvasElement {
    if (!this.scratch || this.scratch.width < width || this.scratch.height < height) {
      const grown = document.createElement('canvas');
      grown.width = Math.max(width, this.scratch?.width ?? 0);
      grown.height = Math.max(height, this.scratch?.height ?? 0);
      this.scratch = grown;
    }
    return this.scratch;
  }

  /** Composition guides over the frame (redrawn when the zoom changes: lines stay 1 px). */
  setGuides(guides: Guides): void {
    this.guides = guides;
    this.drawGuides();
  }

  drawGuides(): void {
    this.overlay.destroyChildren();
    const nodes = guideNodes(this.guides, this.frame, this.view.zoom, this.vanishing, (i, p) => {
      this.vanishing[i] = p;
      this.drawGuides();
    });
    for (const node of nodes) this.overlay.add(node as Konva.Shape);
    this.overlay.visible(nodes.length > 0);
    this.overlay.batchDraw();
  }

  /**
   * Faint pictures over the layers, under one's own stroke: the previous and next shots (onion
   * skin) and any other board (light table).
   */
  setUnderlays(pictures: readonly { image: CanvasImageSource; opacity: number }[]): void {
    this.underlay.destroyChildren();
    for (const { image, opacity } of pictures) {
      const node = coverNode(image, this.frame);
      node.opacity(opacity);
      this.underlay.add(node);
    }
    this.underlay.visible(pictures.length > 0);
    this.underlay.batchDraw();
  }

  /** Others' strokes in progress on this shot, drawn above the layers, below one's own. */
  setPeerStrokes(strokes: readonly LiveStroke[]): void {
    this.peers.destroyChildren();
    for (const stroke of strokes) {
      const outline = strokeOutline(strokePoints(stroke.points), stroke.tool, stroke.size, false);
      this.peers.add(
        new Konva.Shape({
          fill: stroke.tool === 'eraser' ? PAPER : stroke.color,
          opacity: stroke.tool === 'eraser' ? 0.85 : 1,
          sceneFunc: (ctx, shape) => {
            fillOutline(ctx, outline);
            ctx.fillStrokeShape(shape);
          },
        }),
      );
    }
    this.peers.visible(strokes.length > 0);
    this.peers.batchDraw();
  }

  private clearLive(): void {
    if (this.stroke) return;
    this.liveOutline = [];
    this.livePoints = [];
    this.live.batchDraw();
    this.live.visible(false);
  }

  private previewShape(start: { x: number; y: number }, end: { x: number; y: number }): void {
    const tool = this.stroke?.tool;
    if (!tool || !isShapeTool(tool)) return;
    this.shapePreview?.destroy();
    const points = [start.x, start.y, end.x, end.y].map(Math.round);
    const preview = { id: 'preview', x: 0, y: 0, rotation: 0, scale: 1 };
    const node = itemNode(
      shapeItem(tool, preview, this.tools.color, this.sizeUnits(), points, this.tools.camera),
      this.images,
    );
    this.shapePreview = node;
    if (node) this.live.add(node);
    this.live.batchDraw();
  }

  private pickColor(e: PointerEvent): void {
    const box = this.stage.container().getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const canvas = this.stage.toCanvas({ x, y, width: 1, height: 1, pixelRatio: 1 });
    const data = canvas.getContext('2d')?.getImageData(0, 0, 1, 1).data;
    if (!data) return;
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    this.host.pickColor(`#${hex(data[0] ?? 0)}${hex(data[1] ?? 0)}${hex(data[2] ?? 0)}`);
  }

  private readonly onSelectClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (this.tools.tool !== 'select') return;
    const target = e.target;
    if (target === this.stage || !this.items.has(target.name())) {
      if (!target.getParent()?.getClassName().includes('Transformer')) this.select([]);
      return;
    }
    const layerNode = target.getLayer();
    const entry = [...this.drawn.values()].find((d) => d.node === layerNode);
    if (entry?.layer.locked) {
      this.host.say(`${entry.layer.name} is locked.`);
      return;
    }
    const additive = e.evt.shiftKey;
    const current = this.selection;
    this.select(additive ? [...new Set([...current, target.name()])] : [target.name()]);
  };

  private readonly onTransformEnd = () => {
    const moved: DrawingItem[] = [];
    for (const node of this.transformer.nodes()) {
      const item = this.items.get(node.name());
      if (!item) continue;
      const rotation = ((node.rotation() % 360) + 360) % 360;
      moved.push({
        ...item,
        x: Math.round(node.x()),
        y: Math.round(node.y()),
        rotation: rotation > 180 ? rotation - 360 : rotation,
        scale: Math.min(100, Math.max(0.01, Math.abs(node.scaleX()))),
      });
    }
    if (moved.length > 0) this.host.transform(moved);
  };
}

function sameLayer(a: DrawingLayer, b: DrawingLayer): boolean {
  if (a === b) return true;
  if (
    a.visible !== b.visible ||
    a.opacity !== b.opacity ||
    a.bitmap !== b.bitmap ||
    !sameFilters(a.filters, b.filters) ||
    a.items.length !== b.items.length
  ) {
    return false;
  }
  return a.items.every((item, i) => item === b.items[i]);
}
