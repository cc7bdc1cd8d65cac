import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML for the FDX reader: fast-xml-parser's ordered output turned into a small typed tree.
 *
 * Safety: entity processing is off in the parser, so nothing declared in a DOCTYPE is ever
 * expanded (no "billion laughs", no external entities). Text and attribute values are decoded
 * here instead, with only the five predefined entities and numeric character references; any
 * other `&name;` stays as written. Nesting deeper than the parser's limit is an error, not a
 * stack overflow. Order is preserved (`preserveOrder`), so `Text` runs keep their sequence.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Offset of the element's `<` in the (newline-normalised) source. */
  readonly start: number;
}

export type XmlNode = XmlElement | string;

export interface ParsedXml {
  readonly roots: readonly XmlElement[];
  /** First well-formedness error, with its 1-based line, or null. */
  readonly error: { readonly line: number; readonly message: string } | null;
  /** The source declares entities of its own (which were left unexpanded). */
  readonly declaresEntities: boolean;
}

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
// Typed as the `Symbol` wrapper by the library; it is a plain symbol.
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: CDATA,
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses XML text (newlines already normalised). Throws only on input the parser rejects. */
export function parseXml(source: string): ParsedXml {
  const validation = XMLValidator.validate(source);
  const error =
    validation === true
      ? null
      : { line: validation.err.line, message: validation.err.msg.replace(/\.$/, '') };
  const ordered = parser.parse(source) as unknown;
  return {
    roots: toNodes(ordered).filter(isElement),
    error,
    declaresEntities: /<!ENTITY/i.test(source),
  };
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === name) return child;
  }
  return undefined;
}

/** All text inside an element, in order (for `Text` runs: exactly the run's characters). */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const child of element.children)
    out += typeof child === 'string' ? child : textContent(child);
  return out;
}

type OrderedEntry = Record<string, unknown>;

function startOf(entry: OrderedEntry): number {
  const metadata = (entry as Record<symbol, { startIndex?: number } | undefined>)[METADATA];
  return metadata?.startIndex ?? 0;
}

function toNodes(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  const nodes: XmlNode[] = [];
  for (const entry of value as OrderedEntry[]) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const key of Object.keys(entry)) {
      if (key === ATTRIBUTES) continue;
      const content = entry[key];
      if (key === TEXT) {
        if (typeof content === 'string') nodes.push(decodeEntities(content));
      } else if (key === CDATA) {
        // CDATA is literal: its text is not entity-decoded.
        nodes.push(rawText(content));
      } else {
        nodes.push({
          name: key,
          attributes: attributesOf(entry[ATTRIBUTES]),
          children: toNodes(content),
          start: startOf(entry),
        });
      }
    }
  }
  return nodes;
}

function rawText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  let out = '';
  for (const entry of value as OrderedEntry[]) {
    const text = entry?.[TEXT];
    if (typeof text === 'string') out += text;
  }
  return out;
}

function attributesOf(value: unknown): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  if (value === null || typeof value !== 'object') return attributes;
  for (const [name, raw] of Object.entries(value)) {
    if (typeof raw === 'string') attributes[name] = decodeEntities(raw);
  }
  return attributes;
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const MAX_CODE_POINT = 0x10ffff;

/** The predefined entities and numeric references; everything else is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return PREDEFINED[name] ?? whole;
    const hex = name[1] === 'x' || name[1] === 'X';
    const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = code > 0 && code <= MAX_CODE_POINT && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** Line starts of a text, for turning offsets into 1-based line numbers. */
export function lineLocator(source: string): (offset: number) => number {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
