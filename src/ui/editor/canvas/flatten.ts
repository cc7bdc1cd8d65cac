import Konva from 'konva';
import type { Drawing } from '../../../model/drawing';
import { drawingFrameSize, UNITS_PER_HEIGHT, type FrameSize } from '../../../model/drawingUnits';
import { frameUnits, layerGroup, type ImageLookup } from './itemNodes';

/**
 * The drawing as one picture at the project's frame size (1920 on the long side), never the
 * size it has on screen (PITFALLS.md, Drawing): a stage of its own, off screen, built from the
 * same nodes as the view, white paper under the visible layers.
 */
export function flattenToCanvas(
  drawing: Drawing,
  aspectRatio: number,
  images: ImageLookup,
  options: { readonly size?: FrameSize; readonly paper?: boolean } = {},
): HTMLCanvasElement {
  const size = options.size ?? drawingFrameSize(aspectRatio);
  const frame = frameUnits(aspectRatio);
  const container = document.createElement('div');
  const scale = size.height / UNITS_PER_HEIGHT;
  const stage = new Konva.Stage({ container, width: size.width, height: size.height });
  stage.scale({ x: scale, y: scale });
  stage.position({ x: size.width / 2, y: size.height / 2 });
  try {
    if (options.paper !== false) {
      const paper = new Konva.Layer();
      paper.add(
        new Konva.Rect({
          x: -frame.halfWidth,
          y: -frame.halfHeight,
          width: frame.halfWidth * 2,
          height: frame.halfHeight * 2,
          fill: '#ffffff',
        }),
      );
      stage.add(paper);
    }
    for (const layer of drawing.layers) {
      if (!layer.visible) continue;
      const node = new Konva.Layer({ listening: false });
      node.add(layerGroup(layer, frame, images));
      stage.add(node);
    }
    return stage.toCanvas({ pixelRatio: 1 });
  } finally {
    stage.destroy();
  }
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) reject(new Error('The frame could not be turned into a picture.'));
      else void blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}
