import { emphasisSpans } from '../emphasis';
import { layOutTitlePage } from '../titlePageLayout';
import type { ScriptDocument, ScriptElement } from '../types';
import { runStyleAttribute } from './styles';

/**
 * Final Draft XML from a document, laid out so `parseFdx` reads it back to the same document (see
 * compare.ts for what "same" means) and Final Draft and Fade In open it:
 *
 * - one `Paragraph` per element, emphasis as `Text` runs with `Style`;
 * - synopses right after a heading go into its `SceneProperties/Summary`, other synopses are
 *   `Outline Body` paragraphs, sections `Outline N`;
 * - centred text is a centred `Action` paragraph; lyrics a `Lyrics` paragraph;
 * - a note becomes a `ScriptNote` inside the paragraph before it (or a blank paragraph of its own
 *   when there is none);
 * - a page break sets `StartsNewPage` on the next paragraph (a blank one when nothing follows);
 * - a left/right pair of speakers and their speech go into one `DualDialogue` container;
 * - the title page goes into `TitlePage/Content` (see titlePageLayout.ts).
 *
 * Text is written as stored: Final Draft itself shows headings, names and transitions in capitals.
 * Characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */
export function toFdx(doc: ScriptDocument): string {
  const paragraphs = layOutBody(doc.elements);
  const titlePage = layOutTitlePage(doc.titlePage).map((paragraph) =>
    writeParagraph(
      {
        ...emptyParagraph(paragraph.centered ? 'Center' : 'Left'),
        text: paragraph.text,
      },
      3,
    ),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>',
    '<FinalDraft DocumentType="Script" Template="No" Version="5">',
    '',
    '  <Content>',
    ...paragraphs.map((paragraph) => writeParagraph(paragraph, 2)),
    '  </Content>',
    '',
    '  <TitlePage>',
    '    <Content>',
    ...titlePage,
    '    </Content>',
    '  </TitlePage>',
    '',
    '</FinalDraft>',
    '',
  ].join('\n');
}

interface OutParagraph {
  type?: string;
  number?: string;
  alignment?: string;
  startsNewPage: boolean;
  /** Emphasis markup; '' writes no `Text` run. */
  text: string;
  summary: string[];
  notes: string[];
  dual?: OutParagraph[];
}

function emptyParagraph(alignment?: string): OutParagraph {
  return {
    startsNewPage: false,
    text: '',
    summary: [],
    notes: [],
    ...(alignment === undefined ? {} : { alignment }),
  };
}

const SPEECH: ReadonlySet<ScriptElement['type']> = new Set([
  'parenthetical',
  'dialogue',
  'lyrics',
  'note',
]);

function layOutBody(elements: readonly ScriptElement[]): OutParagraph[] {
  const top: OutParagraph[] = [];
  let dual: { paragraphs: OutParagraph[]; sawRight: boolean } | undefined;
  let current: OutParagraph | undefined;
  let heading: OutParagraph | undefined;
  let pendingBreak = false;

  const emit = (paragraph: OutParagraph): void => {
    if (pendingBreak) paragraph.startsNewPage = true;
    pendingBreak = false;
    (dual?.paragraphs ?? top).push(paragraph);
    current = paragraph;
  };

  for (const element of elements) {
    if (element.type === 'character') {
      if (element.dual === 'left') {
        const wrapper: OutParagraph = { ...emptyParagraph(), dual: [] };
        dual = undefined;
        emit(wrapper);
        dual = { paragraphs: wrapper.dual ?? [], sawRight: false };
      } else if (element.dual === 'right' && dual && !dual.sawRight) {
        dual.sawRight = true;
      } else {
        dual = undefined;
      }
    } else if (!SPEECH.has(element.type)) {
      dual = undefined;
    }

    switch (element.type) {
      case 'synopsis':
        if (heading) heading.summary.push(element.text);
        else emit({ ...emptyParagraph(), type: 'Outline Body', text: element.text });
        continue;
      case 'note':
        if (pendingBreak || !current) emit({ ...emptyParagraph(), type: 'Action' });
        current?.notes.push(element.text);
        heading = undefined;
        continue;
      case 'page_break':
        if (pendingBreak) emit({ ...emptyParagraph(), type: 'Action' });
        pendingBreak = true;
        heading = undefined;
        continue;
      default: {
        const paragraph = paragraphFor(element);
        emit(paragraph);
        heading = element.type === 'scene_heading' ? paragraph : undefined;
      }
    }
  }
  if (pendingBreak) {
    dual = undefined;
    emit({ ...emptyParagraph(), type: 'Action' });
  }
  return top;
}

function paragraphFor(element: ScriptElement): OutParagraph {
  const paragraph = { ...emptyParagraph(), text: element.text };
  switch (element.type) {
    case 'scene_heading':
      return {
        ...paragraph,
        type: 'Scene Heading',
        ...(element.sceneNumber === undefined ? {} : { number: element.sceneNumber }),
      };
    case 'character': {
      const cue = element.extension ? `${element.text} (${element.extension})` : element.text;
      return { ...paragraph, type: 'Character', text: cue };
    }
    case 'section':
      return {
        ...paragraph,
        type: `Outline ${Math.min(99, Math.max(1, Math.trunc(element.depth)))}`,
      };
    case 'centered':
      return { ...paragraph, type: 'Action', alignment: 'Center' };
    case 'parenthetical':
      return { ...paragraph, type: 'Parenthetical' };
    case 'dialogue':
      return { ...paragraph, type: 'Dialogue' };
    case 'transition':
      return { ...paragraph, type: 'Transition' };
    case 'shot':
      return { ...paragraph, type: 'Shot' };
    case 'lyrics':
      return { ...paragraph, type: 'Lyrics' };
    default:
      return { ...paragraph, type: 'Action' };
  }
}

function writeParagraph(paragraph: OutParagraph, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = [
    paragraph.type === undefined ? '' : ` Type="${escapeXml(paragraph.type)}"`,
    paragraph.number === undefined ? '' : ` Number="${escapeXml(paragraph.number)}"`,
    paragraph.alignment === undefined ? '' : ` Alignment="${paragraph.alignment}"`,
    paragraph.startsNewPage ? ' StartsNewPage="Yes"' : '',
  ].join('');
  const inner: string[] = [];
  if (paragraph.summary.length > 0) {
    inner.push(`${indent}  <SceneProperties>`, `${indent}    <Summary>`);
    for (const text of paragraph.summary)
      inner.push(writeParagraph({ ...emptyParagraph(), text }, depth + 3));
    inner.push(`${indent}    </Summary>`, `${indent}  </SceneProperties>`);
  }
  if (paragraph.text !== '') inner.push(`${indent}  ${writeRuns(paragraph.text)}`);
  for (const note of paragraph.notes) {
    inner.push(`${indent}  <ScriptNote>`);
    inner.push(writeParagraph({ ...emptyParagraph(), text: note }, depth + 2));
    inner.push(`${indent}  </ScriptNote>`);
  }
  if (paragraph.dual) {
    inner.push(`${indent}  <DualDialogue>`);
    for (const child of paragraph.dual) inner.push(writeParagraph(child, depth + 2));
    inner.push(`${indent}  </DualDialogue>`);
  }
  if (inner.length === 0) return `${indent}<Paragraph${attributes}/>`;
  return [`${indent}<Paragraph${attributes}>`, ...inner, `${indent}</Paragraph>`].join('\n');
}

function writeRuns(text: string): string {
  return emphasisSpans(text)
    .map((span) => {
      const style = runStyleAttribute(span);
      const open = style === '' ? '<Text>' : `<Text Style="${style}">`;
      return `${open}${escapeXml(span.text)}</Text>`;
    })
    .join('');
}

/**
 * Escapes for text and attribute values alike, and drops what XML 1.0 cannot contain. A carriage
 * return would be read back as a line feed, so it is dropped too (documents use `\n` only).
 */
export function escapeXml(text: string): string {
  return withoutNonXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const SPACE = 0x20;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;
const NON_CHARACTERS_START = 0xfffe;
const LAST_BMP = 0xffff;

/** XML 1.0 `Char`, minus carriage return: tab, line feed, U+0020–U+D7FF, U+E000–U+FFFD, astral. */
function isXmlCharacter(code: number): boolean {
  if (code < SPACE) return code === TAB || code === LINE_FEED;
  if (code >= SURROGATES_START && code <= SURROGATES_END) return false; // a lone surrogate
  return code < NON_CHARACTERS_START || code > LAST_BMP;
}

function withoutNonXmlCharacters(text: string): string {
  let out = '';
  // `for…of` walks code points: a valid surrogate pair arrives whole, a lone half alone.
  for (const char of text) if (isXmlCharacter(char.codePointAt(0) ?? 0)) out += char;
  return out;
}
