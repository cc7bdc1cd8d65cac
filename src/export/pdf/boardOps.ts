import type { FrameFit } from '../../model/project';
import type { ApprovalState } from '../../model/approval';
import { LINE_HEIGHT, type BoardBox } from './boardGrid';
import type { DrawOp, Rgb } from './drawOps';
import { approvalText, cameraLine, clockDuration, type PdfBoard } from './pdfInput';
import { hasField, type PdfOptions } from './pdfOptions';
import { fitLine, fitText, type Measure } from './textFit';

export interface Palette {
  readonly ink: Rgb;
  readonly muted: Rgb;
  readonly rule: Rgb;
  readonly frameFill: Rgb;
  /** Text on an approval badge. */
  readonly badgeInk: Rgb;
  readonly approval: Record<ApprovalState, Rgb>;
}

interface Paragraph {
  readonly text: string;
  readonly color: Rgb;
}

/** Bold glyphs are a little wider than the regular ones the measure knows. */
const BOLD_WIDTH = 1.08;

function paragraphs(board: PdfBoard, options: PdfOptions, palette: Palette): Paragraph[] {
  const out: Paragraph[] = [];
  const { ink, muted } = palette;
  if (hasField(options, 'camera')) out.push({ text: cameraLine(board), color: muted });
  // Without a frame there is no corner for the badge: the state is a line of its own.
  if (hasField(options, 'approval') && !hasField(options, 'frame') && board.approval)
    out.push({ text: approvalText(board.approval), color: palette.approval[board.approval] });
  if (hasField(options, 'action') && board.action.trim())
    out.push({ text: board.action.trim(), color: ink });
  if (hasField(options, 'dialogue'))
    for (const line of board.dialogue) {
      const paren = line.parenthetical ? ` (${line.parenthetical})` : '';
      out.push({ text: `${line.speaker}${paren}: ${line.line}`, color: ink });
    }
  if (hasField(options, 'notes') && board.notes.trim())
    out.push({ text: `Notes: ${board.notes.trim()}`, color: muted });
  if (hasField(options, 'comments'))
    for (const comment of board.comments)
      out.push({ text: `${comment.author}: ${comment.body}`, color: muted });
  return out;
}

/**
 * Fills the text box line by line: every paragraph wrapped, and where the box ends the last line
 * that fits ends in an ellipsis.
 */
function textOps(items: readonly Paragraph[], box: BoardBox, measure: Measure): DrawOp[] {
  const size = box.fontSizePt;
  const line = size * LINE_HEIGHT;
  let room = Math.floor((box.text.height + (line - size)) / line);
  const ops: DrawOp[] = [];
  let y = box.text.y + size;
  for (const [index, item] of items.entries()) {
    if (room <= 0) break;
    const more = index < items.length - 1;
    const fitted = fitText(item.text, box.text.width, size, room, measure);
    let lines = [...fitted.lines];
    // Paragraphs after this one that no longer fit: say so on this one's last line.
    if (!fitted.clipped && more && lines.length === room) {
      lines = [...fitText(`${item.text}\n…`, box.text.width, size, room, measure).lines];
    }
    for (const text of lines) {
      ops.push({
        kind: 'text',
        x: box.text.x,
        y,
        sizePt: size,
        text,
        color: item.color,
        bold: false,
      });
      y += line;
    }
    room -= lines.length;
  }
  return ops;
}

function captionOps(
  board: PdfBoard | null,
  box: BoardBox,
  options: PdfOptions,
  palette: Palette,
  measure: Measure,
): DrawOp[] {
  const { caption } = box;
  if (caption.height <= 0) return [];
  const size = box.fontSizePt;
  const numberSize = size * 1.2;
  const baseline = caption.y + numberSize;
  const ops: DrawOp[] = [];
  let left = caption.x;
  let right = caption.x + caption.width;
  if (hasField(options, 'shotNumber')) {
    const number = board ? board.number : '';
    if (number) {
      ops.push({
        kind: 'text',
        x: left,
        y: baseline,
        sizePt: numberSize,
        text: number,
        color: palette.ink,
        bold: true,
      });
      left += measure(number, numberSize) * BOLD_WIDTH + size * 0.8;
    } else {
      // A worksheet: a line to write the number on.
      ops.push({
        kind: 'line',
        x1: left,
        y1: baseline + 1,
        x2: left + numberSize * 3,
        y2: baseline + 1,
        color: palette.rule,
        lineWidth: 0.5,
      });
      left += numberSize * 3 + size * 0.8;
    }
  }
  if (hasField(options, 'duration') && board) {
    const text = clockDuration(board.durationMs);
    const width = measure(text, size);
    right -= width;
    ops.push({
      kind: 'text',
      x: right,
      y: baseline,
      sizePt: size,
      text,
      color: palette.muted,
      bold: false,
    });
    right -= size * 0.8;
  }
  if (hasField(options, 'sceneHeading') && board && board.sceneHeading) {
    const text = fitLine(
      `${board.sceneNumber}. ${board.sceneHeading}`,
      right - left,
      size,
      measure,
    );
    if (text)
      ops.push({
        kind: 'text',
        x: left,
        y: baseline,
        sizePt: size,
        text,
        color: palette.muted,
        bold: false,
      });
  }
  return ops;
}

/** Ruled lines to write on, for a worksheet's text box. */
function ruledLines(box: BoardBox, palette: Palette): DrawOp[] {
  const line = box.fontSizePt * LINE_HEIGHT * 1.4;
  const ops: DrawOp[] = [];
  for (let y = box.text.y + line; y <= box.text.y + box.text.height + 0.01; y += line)
    ops.push({
      kind: 'line',
      x1: box.text.x,
      y1: y,
      x2: box.text.x + box.text.width,
      y2: y,
      color: palette.rule,
      lineWidth: 0.4,
    });
  return ops;
}

/** The approval state as a label in the frame's top right corner: it takes no line of text. */
function approvalBadge(
  state: ApprovalState,
  box: BoardBox,
  palette: Palette,
  measure: Measure,
): DrawOp[] {
  const size = Math.max(4, box.fontSizePt * 0.85);
  const text = fitLine(approvalText(state), box.frame.width - size * 1.6, size, measure);
  if (!text) return [];
  const pad = size * 0.4;
  const width = measure(text, size) * BOLD_WIDTH + 2 * pad;
  const height = size * 1.5;
  const x = box.frame.x + box.frame.width - width - pad;
  const y = box.frame.y + pad;
  return [
    {
      kind: 'rect',
      x,
      y,
      width,
      height,
      stroke: null,
      fill: palette.approval[state],
      lineWidth: 0,
    },
    {
      kind: 'text',
      x: x + pad,
      y: y + size * 1.1,
      sizePt: size,
      text,
      color: palette.badgeInk,
      bold: true,
    },
  ];
}

/** One board's drawing; `board` null draws an empty one (a worksheet). */
export function boardOps(
  board: PdfBoard | null,
  box: BoardBox,
  options: PdfOptions,
  palette: Palette,
  measure: Measure,
  fit: FrameFit = 'letterbox',
): DrawOp[] {
  const ops: DrawOp[] = captionOps(board, box, options, palette, measure);
  const { frame } = box;
  if (frame.width > 0 && frame.height > 0) {
    ops.push({ kind: 'rect', ...frame, stroke: null, fill: palette.frameFill, lineWidth: 0 });
    if (board?.frameHash) ops.push({ kind: 'image', key: board.frameHash, ...frame, fit });
    ops.push({ kind: 'rect', ...frame, stroke: palette.ink, fill: null, lineWidth: 0.6 });
    if (board?.approval && hasField(options, 'approval'))
      ops.push(...approvalBadge(board.approval, box, palette, measure));
  }
  if (board) ops.push(...textOps(paragraphs(board, options, palette), box, measure));
  else ops.push(...ruledLines(box, palette));
  return ops;
}
