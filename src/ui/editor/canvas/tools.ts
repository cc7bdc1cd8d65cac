import type { DrawingItem } from '../../../model/drawing';
import type { CameraMove } from '../../../model/drawingMarks';

/** The editor's tools: each a button named after it and a key (the shortcut sheet lists them). */
export const TOOLS = [
  { id: 'pencil', label: 'Pencil', key: 'p', hint: 'Thin, light lines' },
  { id: 'brush', label: 'Brush', key: 'b', hint: 'Pressure and tilt widen it' },
  { id: 'pen', label: 'Pen', key: 'n', hint: 'Crisp ink' },
  { id: 'eraser', label: 'Eraser', key: 'e', hint: 'Erases on the current layer' },
  { id: 'fill', label: 'Fill', key: 'g', hint: 'Fills an enclosed area' },
  { id: 'line', label: 'Line', key: 'l', hint: 'Drag from end to end' },
  { id: 'arrow', label: 'Arrow', key: 'a', hint: 'Drag from tail to tip' },
  { id: 'rectangle', label: 'Rectangle', key: 'r', hint: 'Drag corner to corner' },
  { id: 'ellipse', label: 'Ellipse', key: 'o', hint: 'Drag corner to corner' },
  { id: 'camera', label: 'Camera move', key: 'c', hint: 'Drag the way the camera moves' },
  { id: 'motion', label: 'Motion lines', key: 'm', hint: 'Drag the way the subject moves' },
  { id: 'text', label: 'Text', key: 't', hint: 'Click where it goes' },
  { id: 'select', label: 'Select', key: 'v', hint: 'Move, scale, rotate; Delete removes' },
  { id: 'eyedropper', label: 'Eyedropper', key: 'i', hint: 'Picks a colour from the frame' },
] as const;

export type ToolId = (typeof TOOLS)[number]['id'];

export const PEN_TOOLS = ['pencil', 'brush', 'pen', 'eraser'] as const;
export type PenTool = (typeof PEN_TOOLS)[number];
export const SHAPE_TOOLS = ['line', 'arrow', 'rectangle', 'ellipse', 'camera', 'motion'] as const;
export type ShapeTool = (typeof SHAPE_TOOLS)[number];

export function isPenTool(tool: ToolId): tool is PenTool {
  return (PEN_TOOLS as readonly string[]).includes(tool);
}
export function isShapeTool(tool: ToolId): tool is ShapeTool {
  return (SHAPE_TOOLS as readonly string[]).includes(tool);
}

/** Sizes the tools start at, in pixels of a 1080-high frame (what the Size slider shows). */
export const DEFAULT_SIZES: Readonly<Record<ToolId, number>> = {
  pencil: 3,
  brush: 14,
  pen: 5,
  eraser: 30,
  fill: 1,
  line: 4,
  arrow: 6,
  rectangle: 4,
  ellipse: 4,
  camera: 12,
  motion: 4,
  text: 48,
  select: 1,
  eyedropper: 1,
};

/** Other keys, for the shortcut sheet. */
export const OTHER_SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space + drag', 'Pan'],
  ['Wheel / pinch', 'Zoom'],
  ['0', 'Fit the frame'],
  ['[ and ]', 'Smaller / larger'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z', 'Redo'],
  ['Delete', 'Delete the selection'],
  ['Ctrl+S', 'Save frame'],
  ['?', 'This sheet'],
  ['Escape', 'Close'],
];

/** What the camera tool draws next: the move and its label ('' for none). */
export interface CameraMark {
  readonly move: CameraMove;
  readonly label: string;
}

/** The item a shape tool makes from a drag (`base` is the id and placement). */
export function shapeItem(
  tool: ShapeTool,
  base: { id: string; x: number; y: number; rotation: number; scale: number },
  color: string,
  size: number,
  points: number[],
  camera: CameraMark,
): DrawingItem {
  if (tool === 'camera') {
    return { ...base, type: 'camera', move: camera.move, label: camera.label, color, size, points };
  }
  if (tool === 'motion') return { ...base, type: 'motion', color, size, points };
  return { ...base, type: tool, color, size, points };
}
