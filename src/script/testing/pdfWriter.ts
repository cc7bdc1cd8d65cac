/**
 * Tests only: the smallest PDFs pdf.js reads, written by hand. Text is Courier (a standard font,
 * nothing embedded) in WinAnsi encoding, placed at absolute positions in points from the
 * bottom-left corner; characters outside Latin-1 become `?`. A page can instead hold only an
 * image, which is what a scanned script looks like to a text extractor.
 */
export interface PlacedText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Points; 12 unless given. */
  readonly size?: number;
}

export type TestPdfPage =
  { readonly kind: 'text'; readonly texts: readonly PlacedText[] } | { readonly kind: 'image' };

export const LETTER_WIDTH = 612;
export const LETTER_HEIGHT = 792;

export function writeTestPdf(pages: readonly TestPdfPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pageTree = add('');
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
  );
  const image = add(
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u0080\u0080\u00ff\nendstream',
  );
  const kids: number[] = [];
  for (const page of pages) {
    const content =
      page.kind === 'image'
        ? `q ${LETTER_WIDTH} 0 0 ${LETTER_HEIGHT} 0 0 cm /Im1 Do Q`
        : page.texts
            .map(
              ({ x, y, text, size = 12 }) =>
                `BT /F1 ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td (${escapePdfString(text)}) Tj ET`,
            )
            .join('\n');
    const stream = add(`<< /Length ${latin1Length(content)} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${LETTER_WIDTH} ${LETTER_HEIGHT}] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(latin1Length(out));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = latin1Length(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1Bytes(out);
}

function escapePdfString(text: string): string {
  return [...text]
    .map((char) => ((char.codePointAt(0) ?? 0) > 0xff ? '?' : char))
    .join('')
    .replace(/[\\()]/g, '\\$&');
}

function latin1Length(text: string): number {
  return text.length;
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}
