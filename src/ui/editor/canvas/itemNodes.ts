import Konva from 'konva';
import type { DrawingItem, DrawingLayer, StrokeItem } from '../../../model/drawing';
import { strokeOutline } from '../../../model/drawingOutline';
import { strokePoints, UNITS_PER_HEIGHT } from '../../../model/drawingUnits';
import { applyLayerFilters } from './layerFilters';
import { cameraArrowOutline, motionLineSegments } from '../../../model/drawingMarks';

/**
 * Drawing items → Konva nodes, in frame units (model/drawingUnits.ts): the editor's view and
 * the flattened frame build the same nodes, so what is saved is what was seen. A node's x, y,
 * rotation and scale are the item's placement; its name is the item's id (selection finds it).
 */

/** Pictures by asset hash, decoded once (the editor loads them; see imageCache.ts). */
export type ImageLookup = (hash: string) => CanvasImageSource | null;

export interface FrameUnits {
  /** Half the frame's width and height in units. */
  readonly halfWidth: number;
  readonly halfHeight: number;
}

export function frameUnits(aspectRatio: number): FrameUnits {
  return { halfWidth: (UNITS_PER_HEIGHT / 2) * aspectRatio, halfHeight: UNITS_PER_HEIGHT / 2 };
}

/** The outline a stroke draws, cached per item (items never change; a move is a new item). */
const outlines = new WeakMap<object, number[]>();

export function outlineOf(item: StrokeItem): number[] {
  let outline = outlines.get(item);
  if (!outline) {
    outline = strokeOutline(strokePoints(item.points), item.tool, item.size);
    outlines.set(item, outline);
  }
  return outline;
}

/** Fills a flat outline polygon (faster than a Konva.Line for thousands of points). */
export function fillOutline(ctx: Konva.Context, outline: readonly number[]): void {
  if (outline.length < 4) return;
  ctx.beginPath();
  ctx.moveTo(outline[0] as number, outline[1] as number);
  for (let i = 2; i + 1 < outline.length; i += 2) {
    ctx.lineTo(outline[i] as number, outline[i + 1] as number);
  }
  ctx.closePath();
}

export function itemNode(item: DrawingItem, images: ImageLookup): Konva.Shape | null {
  const placement = {
    name: item.id,
    x: item.x,
    y: item.y,
    rotation: item.rotation,
    scaleX: item.scale,
    scaleY: item.scale,
    opacity: item.opacity ?? 1,
  };
  switch (item.type) {
    case 'stroke': {
      const outline = outlineOf(item);
      return new Konva.Shape({
        ...placement,
        fill: item.color,
        globalCompositeOperation: item.tool === 'eraser' ? 'destination-out' : 'source-over',
        sceneFunc: (ctx, shape) => {
          fillOutline(ctx, outline);
          ctx.fillStrokeShape(shape);
        },
      });
    }
    case 'line':
      return new Konva.Line({
        ...placement,
        points: [...item.points],
        stroke: item.color,
        strokeWidth: item.size,
        lineCap: 'round',
        hitStrokeWidth: Math.max(item.size, 120),
      });
    case 'arrow':
      return new Konva.Arrow({
        ...placement,
        points: [...item.points],
        stroke: item.color,
        fill: item.color,
        strokeWidth: item.size,
        pointerLength: item.size * 4,
        pointerWidth: item.size * 4,
        lineCap: 'round',
        lineJoin: 'round',
        hitStrokeWidth: Math.max(item.size, 120),
      });
    case 'rectangle': {
      const [x1, y1, x2, y2] = item.points as [number, number, number, number];
      return new Konva.Rect({
        ...placement,
        offsetX: -Math.min(x1, x2),
        offsetY: -Math.min(y1, y2),
        width: Math.abs(x2 - x1),
        height: Math.abs(y2 - y1),
        stroke: item.color,
        strokeWidth: item.size,
        hitStrokeWidth: Math.max(item.size, 120),
      });
    }
    case 'ellipse': {
      const [x1, y1, x2, y2] = item.points as [number, number, number, number];
      return new Konva.Ellipse({
        ...placement,
        offsetX: -(x1 + x2) / 2,
        offsetY: -(y1 + y2) / 2,
        radiusX: Math.abs(x2 - x1) / 2,
        radiusY: Math.abs(y2 - y1) / 2,
        stroke: item.color,
        strokeWidth: item.size,
        hitStrokeWidth: Math.max(item.size, 120),
      });
    }
    case 'text':
      return new Konva.Text({
        ...placement,
        text: item.text,
        fill: item.color,
        fontSize: item.size,
        fontFamily: 'system-ui, sans-serif',
      });
    case 'camera': {
      const [x1, y1, x2, y2] = item.points as [number, number, number, number];
      const outline = cameraArrowOutline(x1, y1, x2, y2, item.size * 3);
      const fontSize = Math.max(120, item.size * 3);
      return new Konva.Shape({
        ...placement,
        fill: '#ffffff',
        stroke: item.color,
        strokeWidth: Math.max(8, item.size / 2),
        lineJoin: 'round',
        hitStrokeWidth: 120,
        sceneFunc: (ctx, shape) => {
          fillOutline(ctx, outline);
          ctx.fillStrokeShape(shape);
          if (!item.label) return;
          // The label sits beside the shaft's middle, on the side away from the arrow.
          const length = Math.hypot(x2 - x1, y2 - y1) || 1;
          const off = item.size * 3 + fontSize * 0.8;
          ctx.setAttr('font', `600 ${fontSize}px system-ui, sans-serif`);
          ctx.setAttr('textAlign', 'center');
          ctx.setAttr('textBaseline', 'middle');
          ctx.setAttr('fillStyle', item.color);
          ctx.fillText(
            item.label.toUpperCase(),
            (x1 + x2) / 2 + ((y2 - y1) / length) * off,
            (y1 + y2) / 2 - ((x2 - x1) / length) * off,
          );
        },
      });
    }
    case 'motion': {
      const [x1, y1, x2, y2] = item.points as [number, number, number, number];
      const segments = motionLineSegments(x1, y1, x2, y2, Math.max(item.size * 5, 60));
      return new Konva.Shape({
        ...placement,
        stroke: item.color,
        strokeWidth: item.size,
        lineCap: 'round',
        hitStrokeWidth: Math.max(item.size, 120),
        sceneFunc: (ctx, shape) => {
          ctx.beginPath();
          for (let i = 0; i + 3 < segments.length; i += 4) {
            ctx.moveTo(segments[i] as number, segments[i + 1] as number);
            ctx.lineTo(segments[i + 2] as number, segments[i + 3] as number);
          }
          ctx.strokeShape(shape);
        },
      });
    }
    case 'image': {
      const image = images(item.hash);
      if (!image) return null;
      const [x, y, width, height] = item.points as [number, number, number, number];
      return new Konva.Image({ ...placement, image, offsetX: -x, offsetY: -y, width, height });
    }
  }
}

/** A picture stretched to cover the frame, cropped to keep its proportions (a layer's bitmap). */
export function coverNode(image: CanvasImageSource, frame: FrameUnits): Konva.Image {
  const width = Number((image as HTMLImageElement).width) || 1;
  const height = Number((image as HTMLImageElement).height) || 1;
  const frameAspect = frame.halfWidth / frame.halfHeight;
  const aspect = width / height;
  const crop =
    aspect > frameAspect
      ? { x: (width - height * frameAspect) / 2, y: 0, width: height * frameAspect, height }
      : { x: 0, y: (height - width / frameAspect) / 2, width, height: width / frameAspect };
  return new Konva.Image({
    image,
    crop,
    x: -frame.halfWidth,
    y: -frame.halfHeight,
    width: frame.halfWidth * 2,
    height: frame.halfHeight * 2,
    listening: false,
  });
}

/**
 * A layer's content as one group clipped to the frame: its picture, then its items. The group
 * is cached to its own canvas when it has erasers, so `destination-out` erases only this layer.
 */
export function layerGroup(
  layer: DrawingLayer,
  frame: FrameUnits,
  images: ImageLookup,
): Konva.Group {
  const group = new Konva.Group({
    name: `layer-${layer.id}`,
    clipX: -frame.halfWidth,
    clipY: -frame.halfHeight,
    clipWidth: frame.halfWidth * 2,
    clipHeight: frame.halfHeight * 2,
    opacity: layer.opacity,
    visible: layer.visible,
  });
  const bitmap = layer.bitmap ? images(layer.bitmap) : null;
  if (bitmap) group.add(coverNode(bitmap, frame));
  for (const item of layer.items) {
    const node = itemNode(item, images);
    if (node) group.add(node);
  }
  applyLayerFilters(group, layer.filters, frame);
  return group;
}
