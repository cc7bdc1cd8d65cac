import { drawExtremeCloseUp } from './face';
import { drawFigure, figureMarks, type FigureSpec } from './figure';
import { MAX_DRAWN_FIGURES } from './framing';
import type { HeadInk } from './head';
import { drawNameLabel } from './labels';
import { layoutFramed, layoutWide, type Placement } from './layout';
import { drawOverShoulder } from './ots';
import { drawOverheadCast } from './overheadCast';
import type { Stage } from './stage';

/** Where the far figures of an OTS stand: the side away from the near shoulder. */
const OTS_SPAN = { from: 0.4, to: 0.96 };
/** In an OTS the far figure looks at the near one, i.e. screen left. */
const OTS_FACING = -0.45;

export function headInk(stage: Stage): HeadInk {
  return {
    fill: stage.palette.figureTone,
    line: stage.lines.figure,
    guide: { ...stage.lines.fine, color: stage.palette.pencil },
    hair: stage.palette.pencil,
  };
}

/**
 * The characters in shot, framed by the shot type. Returns nothing; draws at most
 * MAX_DRAWN_FIGURES figures (fewer for ECU, two-shots and OTS) and a `+N` tag for the rest.
 */
export function drawCast(stage: Stage): void {
  const names = stage.input.characters;
  if (names.length === 0) return;
  const ink = headInk(stage);
  const { shotType } = stage.input;
  const limit = shotType === 'ECU' ? 1 : shotType === 'TWO' ? 2 : MAX_DRAWN_FIGURES;
  const shown = names.slice(0, limit);
  const hidden = names.length - shown.length;

  if (shotType === 'ECU') {
    drawExtremeCloseUp(stage, shown[0] ?? '', ink);
    drawMore(stage, hidden, null);
    return;
  }
  if (stage.angle.overhead) {
    drawOverheadCast(stage, shown, ink);
    drawMore(stage, hidden, null);
    return;
  }
  if (shotType === 'OTS') {
    // One name: we look over an unnamed shoulder at them. More: the first is the near shoulder.
    const near = shown.length > 1 ? (shown[0] ?? null) : null;
    const farNames = shown.length > 1 ? shown.slice(1) : shown;
    const far = layoutFramed(stage, farNames, OTS_SPAN).map((p) => ({ ...p, facing: OTS_FACING }));
    const last = drawStanding(stage, far, ink, false);
    drawOverShoulder(stage, near, far);
    drawMore(stage, hidden, last);
    return;
  }
  const wide = shotType === 'WS' || shotType === 'EWS';
  const placements = wide ? layoutWide(stage, shown) : layoutFramed(stage, shown);
  const last = drawStanding(stage, placements, ink, wide);
  drawMore(stage, hidden, last);
}

function specFor(stage: Stage, placement: Placement): FigureSpec {
  const { angle } = stage;
  return {
    x: placement.x,
    top: placement.top,
    head: placement.head,
    facing: placement.facing,
    build: placement.build,
    headScale: angle.headScale,
    legScale: angle.legScale,
    pitch: angle.headScale - angle.legScale,
  };
}

/** Draws far figures first; returns the right-most placement for the `+N` tag. */
function drawStanding(
  stage: Stage,
  placements: readonly Placement[],
  ink: HeadInk,
  wide: boolean,
): Placement | null {
  const specs = placements.map((p) => ({ placement: p, spec: specFor(stage, p) }));
  const byDepth = [...specs].sort(
    (a, b) => figureMarks(a.spec).feet.y - figureMarks(b.spec).feet.y,
  );
  for (const { spec } of byDepth) drawFigure(stage.scene, spec, ink);
  const spacing =
    placements.length > 1
      ? Math.abs((placements[1]?.x ?? 0) - (placements[0]?.x ?? 0))
      : stage.picture.w / 2;
  specs.forEach(({ placement, spec }, index) => {
    const marks = figureMarks(spec);
    const labelSize = stage.fonts.label.size;
    // In wide shots tags alternate under the feet and over the head so neighbours do not collide.
    const above = wide && index % 2 === 1;
    const anchor = wide
      ? above
        ? { x: marks.headCenter.x, y: spec.top - labelSize }
        : { x: marks.feet.x, y: marks.feet.y + labelSize }
      : marks.chest;
    drawNameLabel(stage, anchor, placement.name, wide ? spacing * 1.8 : spacing * 0.9);
  });
  return placements.reduce<Placement | null>(
    (right, p) => (right === null || p.x > right.x ? p : right),
    null,
  );
}

/** `+N`: the characters in shot that are not drawn, beside the right-most figure. */
function drawMore(stage: Stage, hidden: number, beside: Placement | null): void {
  if (hidden <= 0) return;
  const { picture, fonts, palette, unit } = stage;
  const room = 70 * unit;
  const besideAnchor = beside
    ? stage.scene.project({ x: beside.x + beside.head * 1.6, y: beside.top + beside.head * 0.5 })
    : null;
  // Beside the right-most head when there is room; else low in the right corner, over bodies
  // rather than faces.
  const anchor =
    besideAnchor && besideAnchor.x + room < picture.x + picture.w
      ? besideAnchor
      : { x: picture.x + picture.w - room, y: picture.y + picture.h * 0.92 };
  stage.labels.label(anchor, `+${hidden}`, {
    font: { ...fonts.label, weight: 700 },
    color: palette.labelText,
    align: 'left',
    maxWidth: 60 * unit,
    box: { fill: palette.labelBox, padding: Math.max(2, 4 * unit), radius: Math.max(1, 3 * unit) },
  });
}
