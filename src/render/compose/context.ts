/**
 * What the compose functions need of a canvas: the subset of the 2D context API that both
 * `OffscreenCanvasRenderingContext2D` (the render worker) and `CanvasRenderingContext2D` (a
 * preview player on the page) provide, so one drawing routine serves both and preview and
 * render cannot drift apart. Tests pass a recording fake.
 */
export type ComposeContext = Pick<
  OffscreenCanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'globalAlpha'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'imageSmoothingEnabled'
  | 'imageSmoothingQuality'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'rect'
  | 'clip'
  | 'fillRect'
  | 'strokeRect'
  | 'drawImage'
  | 'fillText'
  | 'measureText'
>;

/** A decoded picture: ImageBitmap in workers, also an <img> or a canvas on the page. */
export type ComposeImage = CanvasImageSource & { readonly width: number; readonly height: number };

/** What the renderer knows about a shot's picture at the moment it draws. */
export type Picture =
  | { readonly kind: 'image'; readonly image: ComposeImage }
  /** The shot has no frame yet. */
  | { readonly kind: 'none' }
  /** The shot names a frame the asset store does not have. */
  | { readonly kind: 'missing' }
  /** The bytes are there but would not decode. */
  | { readonly kind: 'unreadable' };

/** Looks a shot's picture up by its frame key (null: the shot has no frame). */
export type PictureLookup = (frameKey: string | null) => Picture;

/** Output size in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}
