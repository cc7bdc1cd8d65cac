import { canonicalText } from '../canonical';
import { splitCue } from '../cue';
import { emphasisMarkup } from '../emphasis';
import { normalizeNewlines } from '../fountain/lines';
import { readTitlePageLayout, type LaidOutParagraph } from '../titlePageLayout';
import {
  WHOLE_FILE,
  type Diagnostic,
  type EmphasisSpan,
  type ScriptDocument,
  type ScriptElement,
  type ScriptElementType,
} from '../types';
import { parseRunStyle } from './styles';
import {
  childElements,
  firstChild,
  lineLocator,
  parseXml,
  textContent,
  type ParsedXml,
  type XmlElement,
} from './xml';

/**
 * Final Draft XML (also written by Fade In, Highland, WriterDuet, …).
 *
 * The script is the direct `Paragraph` children of `FinalDraft/Content`, in order; `Paragraph`s
 * nested elsewhere (title page, `DualDialogue`, `ScriptNote`, scene `Summary`, arc beats, headers)
 * are read only through their container. A paragraph's text is its `Text` runs concatenated
 * exactly (a name can be split over runs); run styles become emphasis markup. Final Draft stores
 * text as typed and shows Scene Heading, Character and Transition in capitals, so those are
 * uppercased here. Blank paragraphs are skipped (Storyboarder crashed on them).
 *
 * Paragraph types: Scene Heading (`Number` → scene number; `SceneProperties/Summary` paragraphs
 * → synopses after it), Action (centred: `centered`), Character, Parenthetical (brackets added
 * when missing), Dialogue (consecutive paragraphs are one speech, as in Fountain), Transition,
 * Lyrics, Shot (in capitals, as Final Draft shows it), `Outline N` → section of depth N, `Outline
 * Body` → synopsis. Anything else (`General`, `Cast List`, no type, …) is kept as action, with one
 * warning per type. `StartsNewPage`
 * gives a page break before the paragraph; a `ScriptNote` inside a paragraph gives a note after it.
 */
export function parseFdx(source: string): ScriptDocument {
  const text = normalizeNewlines(source);
  let xml: ParsedXml;
  try {
    xml = parseXml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refused(`This FDX file could not be read as XML (${reason}).`);
  }
  const diagnostics: Diagnostic[] = [];
  if (xml.error) {
    diagnostics.push({
      line: xml.error.line,
      message: `This FDX file is not well-formed XML: ${xml.error.message}.`,
      severity: 'error',
    });
  }
  if (xml.declaresEntities) {
    diagnostics.push({
      line: WHOLE_FILE,
      message: 'The file declares XML entities of its own; they were left unexpanded.',
      severity: 'warning',
    });
  }
  const root = xml.roots.find((element) => element.name === 'FinalDraft');
  if (!root) {
    const found = xml.roots[0]?.name;
    const what = found ? `its root element is <${found}>` : 'it has no XML elements';
    return refused(`This is not a Final Draft (FDX) file: ${what}, not <FinalDraft>.`, diagnostics);
  }

  const body = new FdxBodyReader(lineLocator(text));
  const content = firstChild(root, 'Content');
  if (content) {
    for (const child of childElements(content)) {
      if (child.name === 'Paragraph') body.readParagraph(child);
      else if (child.name === 'DualDialogue') body.readDualDialogue(child);
    }
  }
  body.readDetachedNotes(root);
  return {
    titlePage: readTitlePage(root),
    elements: body.elements,
    diagnostics: [...diagnostics, ...body.diagnostics()],
  };
}

function refused(message: string, before: readonly Diagnostic[] = []): ScriptDocument {
  return {
    titlePage: {},
    elements: [],
    diagnostics: [...before, { line: WHOLE_FILE, message, severity: 'error' }],
  };
}

const UPPERCASED: ReadonlySet<string> = new Set([
  'Scene Heading',
  'Character',
  'Transition',
  'Shot',
]);
const OUTLINE_LEVEL = /^Outline (\d{1,2})$/;

class FdxBodyReader {
  readonly elements: ScriptElement[] = [];
  private readonly unknownTypes = new Map<string, { count: number; line: number }>();
  private detachedNotes = 0;
  private detachedNotesLine = 0;
  /** The last Parenthetical paragraph had no closing bracket: the next one goes on with it. */
  private parentheticalOpen = false;

  constructor(private readonly lineAt: (offset: number) => number) {}

  readParagraph(paragraph: XmlElement, dual?: DualContext): void {
    const line = this.lineAt(paragraph.start);
    if (paragraph.attributes['StartsNewPage'] === 'Yes') {
      this.push({ type: 'page_break', text: '', line });
    }
    const spans = runsOf(paragraph);
    if (spans.some((span) => span.text.trim() !== '')) {
      this.readText(paragraph, spans, line, dual);
    }
    const summary = firstChild(firstChild(paragraph, 'SceneProperties') ?? paragraph, 'Summary');
    if (summary && paragraph.attributes['Type'] === 'Scene Heading') {
      for (const inner of childElements(summary, 'Paragraph')) this.readSynopsis(inner);
    }
    for (const note of childElements(paragraph, 'ScriptNote')) this.readNote(note);
    for (const container of childElements(paragraph, 'DualDialogue'))
      this.readDualDialogue(container);
  }

  /** Speakers in a `DualDialogue` container: the first is left, the next right. */
  readDualDialogue(container: XmlElement): void {
    const context: DualContext = { speakers: [] };
    for (const paragraph of childElements(container, 'Paragraph'))
      this.readParagraph(paragraph, context);
    if (context.speakers.length < 2) {
      // One speaker is not a pair: keep the speech, drop the side.
      for (const index of context.speakers) {
        const speaker = this.elements[index];
        if (speaker?.type !== 'character') continue;
        const single = Object.entries(speaker).filter(([key]) => key !== 'dual');
        this.elements[index] = Object.fromEntries(single) as unknown as ScriptElement;
      }
    }
  }

  /** Final Draft 10+ can keep notes apart from the text (`FinalDraft/ScriptNotes`). */
  readDetachedNotes(root: XmlElement): void {
    for (const notes of childElements(root, 'ScriptNotes')) {
      for (const note of childElements(notes, 'ScriptNote')) {
        if (this.readNote(note)) {
          this.detachedNotes++;
          this.detachedNotesLine ||= this.lineAt(note.start);
        }
      }
    }
  }

  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [type, { count, line }] of this.unknownTypes) {
      const noun = count === 1 ? 'paragraph' : 'paragraphs';
      const what = type === '' ? `${noun} without a type` : `"${type}" ${noun}`;
      out.push({
        line,
        message: `${count} ${what} ${count === 1 ? 'was' : 'were'} read as action.`,
        severity: 'warning',
      });
    }
    if (this.detachedNotes > 0) {
      out.push({
        line: this.detachedNotesLine,
        message: `${this.detachedNotes} script notes are stored apart from the text; they were added at the end.`,
        severity: 'warning',
      });
    }
    return out;
  }

  private readText(
    paragraph: XmlElement,
    spans: EmphasisSpan[],
    line: number,
    dual: DualContext | undefined,
  ): void {
    const fdxType = paragraph.attributes['Type'] ?? '';
    const type = this.elementType(fdxType, paragraph, line);
    const shown = UPPERCASED.has(fdxType)
      ? spans.map((span) => ({ ...span, text: span.text.toUpperCase() }))
      : spans;
    const text = canonicalText(type, emphasisMarkup(shown));
    if (text === '' && type !== 'page_break') return;
    switch (type) {
      case 'scene_heading': {
        const number = (paragraph.attributes['Number'] ?? '').trim();
        this.push({ type, text, line, ...(number === '' ? {} : { sceneNumber: number }) });
        return;
      }
      case 'character': {
        const { name, extension } = splitCue(text);
        const side = dual ? (dual.speakers.length === 0 ? 'left' : 'right') : undefined;
        if (dual) dual.speakers.push(this.elements.length);
        this.push({
          type,
          text: name === '' ? text : name,
          line,
          ...(name === '' || extension === '' ? {} : { extension }),
          ...(side ? { dual: side } : {}),
        });
        return;
      }
      case 'section': {
        const level = OUTLINE_LEVEL.exec(fdxType);
        this.push({ type, text, line, depth: Number(level?.[1] ?? 1) || 1 });
        return;
      }
      case 'parenthetical': {
        const last = this.elements.at(-1);
        if (last?.type === 'parenthetical' && this.parentheticalOpen && !text.startsWith('(')) {
          // A long parenthetical split over paragraphs: `(looking at the letter,` + `then at her)`.
          const joined = `${last.text.slice(0, -1)} ${text}`;
          this.elements[this.elements.length - 1] = { ...last, text: withBrackets(joined) };
          this.parentheticalOpen = !text.endsWith(')');
        } else {
          this.push({ type, text: withBrackets(text), line });
          // Only an opening bracket that is not closed says the next paragraph goes on with it:
          // writers who leave brackets out write one direction per paragraph.
          this.parentheticalOpen = text.startsWith('(') && !text.endsWith(')');
        }
        return;
      }
      default:
        this.push({ type, text, line });
    }
  }

  private elementType(fdxType: string, paragraph: XmlElement, line: number): ScriptElementType {
    const centered = paragraph.attributes['Alignment'] === 'Center';
    switch (fdxType) {
      case 'Scene Heading':
        return 'scene_heading';
      case 'Action':
        return centered ? 'centered' : 'action';
      case 'Character':
        return 'character';
      case 'Parenthetical':
        return 'parenthetical';
      case 'Dialogue':
        return 'dialogue';
      case 'Transition':
        return 'transition';
      case 'Shot':
        return 'shot';
      case 'Lyrics':
        return 'lyrics';
      case 'Outline Body':
        return 'synopsis';
    }
    if (OUTLINE_LEVEL.test(fdxType)) return 'section';
    const known = this.unknownTypes.get(fdxType);
    if (known) known.count++;
    else this.unknownTypes.set(fdxType, { count: 1, line });
    return centered ? 'centered' : 'action';
  }

  private readSynopsis(paragraph: XmlElement): void {
    const text = canonicalText('synopsis', emphasisMarkup(runsOf(paragraph)));
    if (text !== '') this.push({ type: 'synopsis', text, line: this.lineAt(paragraph.start) });
  }

  /** A note's paragraphs, joined into one note. */
  private readNote(note: XmlElement): boolean {
    const texts = childElements(note, 'Paragraph')
      .map((paragraph) => emphasisMarkup(runsOf(paragraph)).trim())
      .filter((text) => text !== '');
    const text = canonicalText('note', texts.join('\n'));
    if (text === '') return false;
    this.push({ type: 'note', text, line: this.lineAt(note.start) });
    return true;
  }

  private push(element: ScriptElement): void {
    const last = this.elements.at(-1);
    if (element.type === 'dialogue' && last?.type === 'dialogue') {
      // Fountain cannot tell two speech paragraphs in a row apart: they are one speech.
      this.elements[this.elements.length - 1] = { ...last, text: `${last.text}\n${element.text}` };
      return;
    }
    const lastText = this.elements.findLast((candidate) => candidate.type !== 'note');
    if (element.type === 'action' && lastText?.type !== 'action' && element.text.startsWith('\n')) {
      // Kept vertical space only means something between two action paragraphs.
      const text = element.text.replace(/^\n+/, '');
      if (text !== '') this.elements.push({ ...element, text });
      return;
    }
    this.elements.push(element);
  }
}

interface DualContext {
  /** Indexes (in `elements`) of the speakers read so far in this container. */
  readonly speakers: number[];
}

/** `Text` runs of one paragraph, in order, styles kept; `AllCaps` runs uppercased. */
function runsOf(paragraph: XmlElement): EmphasisSpan[] {
  const spans: EmphasisSpan[] = [];
  for (const run of childElements(paragraph, 'Text')) {
    const style = parseRunStyle(run.attributes['Style']);
    const text = textContent(run);
    if (text === '') continue;
    spans.push({
      text: style.allCaps ? text.toUpperCase() : text,
      bold: style.bold,
      italic: style.italic,
      underline: style.underline,
    });
  }
  return spans;
}

/** Writers leave the brackets out of parentheticals; Fountain and the breakdown expect them. */
function withBrackets(text: string): string {
  const opened = text.startsWith('(') ? text : `(${text}`;
  return opened.endsWith(')') ? opened : `${opened})`;
}

function readTitlePage(root: XmlElement): Record<string, string> {
  const titlePage = firstChild(root, 'TitlePage');
  const content = titlePage && firstChild(titlePage, 'Content');
  if (!content) return {};
  const paragraphs: LaidOutParagraph[] = childElements(content, 'Paragraph').map((paragraph) => ({
    text: emphasisMarkup(runsOf(paragraph))
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .trim(),
    centered: paragraph.attributes['Alignment'] === 'Center',
  }));
  return readTitlePageLayout(paragraphs);
}
