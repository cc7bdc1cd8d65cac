/**
 * The look of a project's offline sketches (src/ai/sketch/look.ts draws them). Stored in the
 * project's settings, set when a person chooses a style, so a build that learns new looks never
 * redraws the sketches of a project nobody restyled (a mass redraw on upgrade, and two builds in
 * one room redrawing each other's sketches).
 */
export const SKETCH_LOOKS = ['marker', 'pencil', 'ink', 'noir', 'watercolor', 'cel'] as const;
export type SketchLook = (typeof SKETCH_LOOKS)[number];
