import { XMLParser } from 'fast-xml-parser';
import { FCP7_SHOT_NOTE } from './fcp7Writer';
import { EditReadError, type ImportedClip, type ImportedEdit } from './importedEdit';
import { fileStemOf } from './mediaNames';
import { rateFromTimebase } from './rates';

/**
 * Reads the first video track of a Final Cut Pro 7 XML (`xmeml`) sequence, as Premiere Pro and
 * Resolve write it. A clip whose start or end is -1 meets a transition there (FCP7's way of
 * saying so); the cut is then placed by the transition's alignment (centred unless it says
 * `start` or `end`).
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: true,
  processEntities: true,
  isArray: (name) => ['track', 'clipitem', 'transitionitem', 'sequence'].includes(name),
});

function firstSequence(root: Obj): Obj | null {
  const xmeml = root.xmeml;
  if (!isObj(xmeml)) return null;
  const direct = list(xmeml.sequence)[0];
  if (direct) return direct;
  const project = list(xmeml.project)[0];
  return project && isObj(project.children) ? (list(project.children.sequence)[0] ?? null) : null;
}

/** Every `<file id>` with its content, wherever in the document it was written in full. */
function collectFiles(node: unknown, files: Map<string, Obj>): void {
  if (Array.isArray(node)) node.forEach((n) => collectFiles(n, files));
  else if (isObj(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'file') {
        for (const file of list(value)) {
          const id = text(file['@id']);
          if (id && (file.pathurl !== undefined || file.name !== undefined)) files.set(id, file);
        }
      }
      collectFiles(value, files);
    }
  }
}

function cutOf(transition: Obj): number {
  const start = num(transition.start);
  const end = num(transition.end);
  const alignment = text(transition.alignment).toLowerCase();
  if (alignment === 'start' || alignment === 'start-black') return start;
  if (alignment === 'end' || alignment === 'end-black') return end;
  return start + Math.floor((end - start) / 2);
}

export function readFcp7(xml: string): ImportedEdit {
  let root: unknown;
  try {
    root = parser.parse(xml);
  } catch {
    throw new EditReadError('This is not a Final Cut Pro 7 XML file: the XML does not parse.');
  }
  const sequence = isObj(root) ? firstSequence(root) : null;
  if (!sequence)
    throw new EditReadError('This is not a Final Cut Pro 7 XML sequence (no xmeml sequence).');
  const rateNode = isObj(sequence.rate) ? sequence.rate : {};
  const rate = rateFromTimebase(
    num(rateNode.timebase),
    text(rateNode.ntsc).toUpperCase() === 'TRUE',
  );
  if (!rate) throw new EditReadError('The sequence runs at a frame rate Frameline does not use.');
  const media = isObj(sequence.media) ? sequence.media : {};
  const video = isObj(media.video) ? media.video : {};
  const track = list(video.track)[0];
  if (!track) throw new EditReadError('The sequence has no video track.');
  const files = new Map<string, Obj>();
  collectFiles(root, files);
  const transitions = list(track.transitionitem).sort((a, b) => num(a.start) - num(b.start));
  const items = list(track.clipitem).filter((c) => text(c.enabled).toUpperCase() !== 'FALSE');

  let previousStart = -Infinity;
  const placed = items.map((item) => {
    let start = num(item.start);
    if (start < 0) {
      const t = transitions.find((tr) => num(tr.start) >= previousStart);
      start = t ? cutOf(t) : previousStart;
    }
    let end = num(item.end);
    if (end < 0) {
      const t = transitions.find(
        (tr) => num(tr.start) >= start - (num(tr.end) - num(tr.start)) && cutOf(tr) > start,
      );
      end = t ? cutOf(t) : start;
    }
    previousStart = start;
    return { item, start, end };
  });
  placed.sort((a, b) => a.start - b.start);

  const clips: ImportedClip[] = placed.map(({ item, start, end }) => {
    const into = transitions.find((tr) => cutOf(tr) === end);
    const logging = isObj(item.logginginfo) ? item.logginginfo : {};
    const note = text(logging.lognote);
    const fileRef = list(item.file)[0];
    const file = fileRef ? (files.get(text(fileRef['@id'])) ?? fileRef) : null;
    const path = file ? text(file.pathurl) || text(file.name) : '';
    return {
      shotId: note.startsWith(FCP7_SHOT_NOTE)
        ? note.slice(FCP7_SHOT_NOTE.length).trim() || null
        : null,
      name: text(item.name),
      mediaStem: path ? fileStemOf(path) : null,
      duration: end - start,
      transitionOut: into ? num(into.end) - num(into.start) : 0,
    };
  });
  return { format: 'fcp7', rate, clips: clips.filter((c) => c.duration > 0) };
}
