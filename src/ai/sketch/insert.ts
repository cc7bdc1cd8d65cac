import type { Point } from './geometry';
import { drawNameLabel } from './labels';
import type { Stage } from './stage';

const NOTE_LINES = 4;

/**
 * INSERT: the object the shot is about, held up close — drawn as a card with the caption written on
 * it, since the caption is what the insert shows (a note, a screen, a headline).
 */
export function drawInsert(stage: Stage): void {
  const { picture, scene, screen, palette, lines, unit, fonts } = stage;
  const landscape = picture.w >= picture.h;
  const w = picture.w * (landscape ? 0.48 : 0.72);
  const h = Math.min(picture.h * 0.56, w * 0.68);
  const cx = picture.x + picture.w / 2;
  const cy = picture.y + picture.h * 0.5;
  const card: Point[] = [
    { x: cx - w / 2, y: cy - h / 2 },
    { x: cx + w / 2, y: cy - h / 2 },
    { x: cx + w / 2, y: cy + h / 2 },
    { x: cx - w / 2, y: cy + h / 2 },
  ];
  const drop = 10 * unit;
  scene.shape(
    card.map((p) => ({ x: p.x + drop, y: p.y + drop * 1.3 })),
    { fill: palette.shadow, alpha: 0.28, blur: 8 * unit, wobble: 0 },
  );
  scene.shape(card, { fill: palette.highlight, stroke: lines.figure });
  const lineGap = h / (NOTE_LINES + 1.5);
  for (let i = 1; i <= NOTE_LINES; i++) {
    const y = cy - h / 2 + lineGap * (i + 0.6);
    scene.line({ x: cx - w * 0.42, y }, { x: cx + w * 0.42, y }, lines.fine, { alpha: 0.35 });
  }
  // The card's corner is folded: a small triangle that says "paper".
  const fold = Math.min(w, h) * 0.12;
  const corner = { x: cx + w / 2, y: cy - h / 2 };
  scene.shape(
    [
      { x: corner.x - fold, y: corner.y },
      { x: corner.x, y: corner.y + fold },
      { x: corner.x - fold, y: corner.y + fold },
    ],
    { fill: palette.figureTone, stroke: lines.fine },
  );
  const caption = stage.input.caption.trim();
  if (caption.length > 0) {
    screen.label(scene.project({ x: cx, y: cy - h / 2 + lineGap * 1.1 }), caption, {
      font: fonts.note,
      color: palette.labelText,
      align: 'center',
      maxWidth: w * 0.84,
      maxLines: NOTE_LINES,
    });
  }
  const owner = stage.input.characters[0];
  if (owner !== undefined) {
    drawNameLabel(
      stage,
      { x: cx + w * 0.3, y: cy + h / 2 + fonts.label.size * 1.2 },
      owner,
      w * 0.4,
    );
  }
}
