import type Konva from 'konva';
import type { FrameUnits } from './itemNodes';

const MIN_ZOOM = 0.005;
const MAX_ZOOM = 2;
/** Room around the frame when it is fitted to the view, in screen pixels. */
const FIT_MARGIN_PX = 32;

/**
 * Pan and zoom of the editor's stage: space-drag, the middle button or one finger (when only
 * the pen draws) pans; the wheel and a pinch zoom about the pointer; `0` fits the frame.
 */
export class ViewControl {
  private spaceDown = false;
  private pan: { pointerId: number; x: number; y: number } | null = null;
  private readonly touches = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; zoom: number } | null = null;

  constructor(
    private readonly stage: Konva.Stage,
    private readonly frame: FrameUnits,
    private readonly touchPans: () => boolean,
    /** The zoom changed (guides keep their lines one pixel wide). */
    private readonly onZoom: () => void = () => {},
  ) {
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('keyup', this.onKey);
    stage.container().addEventListener('wheel', this.onWheel, { passive: false });
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('keyup', this.onKey);
    this.stage.container().removeEventListener('wheel', this.onWheel);
  }

  get zoom(): number {
    return this.stage.scaleX();
  }

  fit(): void {
    const width = this.stage.width();
    const height = this.stage.height();
    const zoom = Math.min(
      (width - FIT_MARGIN_PX * 2) / (this.frame.halfWidth * 2),
      (height - FIT_MARGIN_PX * 2) / (this.frame.halfHeight * 2),
    );
    this.stage.scale({ x: zoom, y: zoom });
    this.stage.position({ x: width / 2, y: height / 2 });
    this.onZoom();
    this.stage.batchDraw();
  }

  zoomAt(point: { x: number; y: number }, factor: number): void {
    const old = this.zoom;
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, old * factor));
    const pos = this.stage.position();
    const world = { x: (point.x - pos.x) / old, y: (point.y - pos.y) / old };
    this.stage.scale({ x: next, y: next });
    this.stage.position({ x: point.x - world.x * next, y: point.y - world.y * next });
    this.onZoom();
    this.stage.batchDraw();
  }

  /** True when the event was a pan or pinch (the tools then leave it alone). */
  handleDown(e: PointerEvent): boolean {
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.touches.size === 2) {
        this.pinch = { distance: this.touchDistance(), zoom: this.zoom };
        this.pan = null;
        return true;
      }
    }
    const pans =
      this.spaceDown || e.button === 1 || (e.pointerType === 'touch' && this.touchPans());
    if (!pans) return false;
    this.pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
    capture(this.stage.container(), e.pointerId);
    this.stage.container().style.cursor = 'grabbing';
    return true;
  }

  handleMove(e: PointerEvent): boolean {
    if (e.pointerType === 'touch' && this.touches.has(e.pointerId)) {
      this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.pinch && this.touches.size === 2) {
        const box = this.stage.container().getBoundingClientRect();
        const [a, b] = [...this.touches.values()] as [
          { x: number; y: number },
          { x: number; y: number },
        ];
        const centre = { x: (a.x + b.x) / 2 - box.left, y: (a.y + b.y) / 2 - box.top };
        const target = (this.pinch.zoom * this.touchDistance()) / this.pinch.distance;
        this.zoomAt(centre, target / this.zoom);
        return true;
      }
    }
    if (!this.pan || this.pan.pointerId !== e.pointerId) return false;
    const pos = this.stage.position();
    this.stage.position({ x: pos.x + e.clientX - this.pan.x, y: pos.y + e.clientY - this.pan.y });
    this.pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
    this.stage.batchDraw();
    return true;
  }

  handleUp(e: PointerEvent): boolean {
    this.touches.delete(e.pointerId);
    if (this.pinch && this.touches.size < 2) {
      this.pinch = null;
      return true;
    }
    if (!this.pan || this.pan.pointerId !== e.pointerId) return false;
    this.pan = null;
    this.stage.container().style.cursor = this.spaceDown ? 'grab' : '';
    return true;
  }

  private touchDistance(): number {
    const [a, b] = [...this.touches.values()];
    return a && b ? Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)) : 1;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== ' ' || (e.target as HTMLElement | null)?.closest('input, textarea')) return;
    this.spaceDown = e.type === 'keydown';
    if (!this.pan) this.stage.container().style.cursor = this.spaceDown ? 'grab' : '';
    e.preventDefault();
  };

  private readonly onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const box = this.stage.container().getBoundingClientRect();
    const point = { x: e.clientX - box.left, y: e.clientY - box.top };
    // A pinch on a trackpad arrives as a wheel with Ctrl; both zoom about the pointer.
    this.zoomAt(point, Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)));
  };
}

/** Keeps a pointer's events coming here while it is down (a synthetic pointer has no capture). */
export function capture(element: HTMLElement, pointerId: number): void {
  try {
    element.setPointerCapture(pointerId);
  } catch {
    // An id the browser does not know (a synthetic event): the events still arrive here.
  }
}
