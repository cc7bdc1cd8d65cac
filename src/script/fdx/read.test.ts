import { describe, expect, test } from 'vitest';
import { parseScript, type ScriptDocument, type ScriptElement } from '../index';

function fdx(content: string, rest = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
${content}
  </Content>
${rest}
</FinalDraft>`;
}

function read(content: string, rest = ''): ScriptDocument {
  return parseScript(fdx(content, rest));
}

function outline(doc: ScriptDocument): [ScriptElement['type'], string][] {
  return doc.elements.map((element) => [element.type, element.text]);
}

const p = (type: string, text: string, attributes = ''): string =>
  `<Paragraph Type="${type}"${attributes}><Text>${text}</Text></Paragraph>`;

describe('the script body', () => {
  test('is sniffed as FDX and read from the direct Paragraph children of Content', () => {
    const doc = read(
      [
        p('Scene Heading', 'int. house - day', ' Number="12A"'),
        p('Action', 'John waits.'),
        p('Character', 'john (v.o.)'),
        p('Parenthetical', '(quietly)'),
        p('Dialogue', 'Hello.'),
        p('Transition', 'cut to:'),
      ].join('\n'),
    );
    expect(doc.elements).toEqual([
      { type: 'scene_heading', text: 'INT. HOUSE - DAY', sceneNumber: '12A', line: 4 },
      { type: 'action', text: 'John waits.', line: 5 },
      { type: 'character', text: 'JOHN', extension: 'V.O.', line: 6 },
      { type: 'parenthetical', text: '(quietly)', line: 7 },
      { type: 'dialogue', text: 'Hello.', line: 8 },
      { type: 'transition', text: 'CUT TO:', line: 9 },
    ]);
    expect(doc.diagnostics).toEqual([]);
  });

  test('Paragraphs nested in other elements are not script text', () => {
    const doc = read(
      `<Paragraph Type="Scene Heading">
        <SceneProperties><SceneArcBeats><CharacterArcBeat Name="DAVE">
          <Paragraph><Text>arc beat</Text></Paragraph>
        </CharacterArcBeat></SceneArcBeats></SceneProperties>
        <Text>INT. A</Text>
      </Paragraph>
      <Paragraph Type="Scene Heading"><Text>Omitted</Text><OmittedScene>${p('Scene Heading', 'EXT. GONE')}</OmittedScene></Paragraph>`,
      `<HeaderAndFooter><Header>${p('Action', '.')}</Header></HeaderAndFooter>
       <ScriptNotes/>`,
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. A'],
      ['scene_heading', 'OMITTED'],
    ]);
  });

  test('Text runs are joined exactly, with no separator, and keep their styles as markup', () => {
    const doc = read(
      `<Paragraph Type="Character"><Text>JO</Text><Text>HN</Text></Paragraph>
       <Paragraph Type="Dialogue"><Text>I </Text><Text Style="Bold">really</Text><Text> mean </Text><Text Style="Italic+Underline">it</Text><Text>.</Text></Paragraph>`,
    );
    expect(outline(doc)).toEqual([
      ['character', 'JOHN'],
      ['dialogue', 'I **really** mean _*it*_.'],
    ]);
  });

  test('Scene Heading, Character and Transition are uppercased, Unicode-aware', () => {
    const doc = read(
      [
        p('Scene Heading', 'ekst. ulica - noć'),
        p('Character', 'Dinko (o.S.)'),
        p('Dialogue', 'Jebiga.'),
        p('Transition', 'rez na'),
      ].join(''),
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'EKST. ULICA - NOĆ'],
      ['character', 'DINKO'],
      ['dialogue', 'Jebiga.'],
      ['transition', 'REZ NA'],
    ]);
    expect(doc.elements[1]).toMatchObject({ extension: 'O.S.' });
  });

  test('parentheticals without brackets get them', () => {
    const doc = read(
      [
        p('Character', 'TARA'),
        p('Parenthetical', 'kroz smijeh'),
        p('Parenthetical', '(beat'),
        p('Dialogue', 'Da?'),
      ].join(''),
    );
    expect(
      doc.elements
        .filter((element) => element.type === 'parenthetical')
        .map((element) => element.text),
    ).toEqual(['(kroz smijeh)', '(beat)']);
  });

  test('blank paragraphs are skipped, never a crash (Storyboarder’s bug)', () => {
    const doc = read(
      `<Paragraph Type="Action"/>
       <Paragraph Type="Character"><Text>   </Text></Paragraph>
       <Paragraph Type="Dialogue"></Paragraph>
       <Paragraph/>
       ${p('Action', 'Something happens.')}`,
    );
    expect(outline(doc)).toEqual([['action', 'Something happens.']]);
  });

  test('General and unknown paragraph types are kept as action, one warning per type', () => {
    const doc = read(
      [
        p('General', 'A note to self.'),
        p('Cast List', 'JOHN, MARY'),
        p('General', 'Another.'),
        p('Scene Heading', 'INT. A'),
      ].join('\n'),
    );
    expect(outline(doc).slice(0, 3)).toEqual([
      ['action', 'A note to self.'],
      ['action', 'JOHN, MARY'],
      ['action', 'Another.'],
    ]);
    expect(doc.diagnostics).toEqual([
      { line: 4, message: '2 "General" paragraphs were read as action.', severity: 'warning' },
      { line: 5, message: '1 "Cast List" paragraph was read as action.', severity: 'warning' },
    ]);
  });

  test('consecutive Dialogue paragraphs are one speech, as Fountain would read them', () => {
    const doc = read([p('Character', 'A'), p('Dialogue', 'One.'), p('Dialogue', 'Two.')].join(''));
    expect(outline(doc)).toEqual([
      ['character', 'A'],
      ['dialogue', 'One.\nTwo.'],
    ]);
  });

  test('centred action is centred text; Lyrics and Outline paragraphs are kept', () => {
    const doc = read(
      [
        p('Outline 1', 'ACT ONE'),
        p('Outline 2', 'The heist'),
        p('Outline Body', 'They plan it.'),
        p('Action', 'THE END', ' Alignment="Center"'),
        p('Lyrics', 'La la la'),
      ].join(''),
    );
    expect(doc.elements).toEqual([
      { type: 'section', text: 'ACT ONE', depth: 1, line: 4 },
      { type: 'section', text: 'The heist', depth: 2, line: 4 },
      { type: 'synopsis', text: 'They plan it.', line: 4 },
      { type: 'centered', text: 'THE END', line: 4 },
      { type: 'lyrics', text: 'La la la', line: 4 },
    ]);
  });

  test('keeps line breaks inside a paragraph and tabs in action as four spaces', () => {
    const doc = read(
      `${p('Action', 'One\n\tTwo   ')}${p('Character', 'A')}${p('Dialogue', ' Line one \n line two ')}`,
    );
    expect(outline(doc)).toEqual([
      ['action', 'One\n    Two'],
      ['character', 'A'],
      ['dialogue', 'Line one\nline two'],
    ]);
  });
});

describe('structure', () => {
  test('DualDialogue containers give a left and a right speaker', () => {
    const doc = read(
      `<Paragraph><DualDialogue>
        ${p('Character', 'STEEL')}${p('Dialogue', 'Screw retirement.')}
        ${p('Character', 'BRICK')}${p('Parenthetical', '(shouting)')}${p('Dialogue', 'Screw retirement.')}
      </DualDialogue></Paragraph>
      ${p('Action', 'They drink.')}`,
    );
    expect(doc.elements.filter((element) => element.type === 'character')).toEqual([
      { type: 'character', text: 'STEEL', dual: 'left', line: 5 },
      { type: 'character', text: 'BRICK', dual: 'right', line: 6 },
    ]);
    expect(outline(doc).map(([type]) => type)).toEqual([
      'character',
      'dialogue',
      'character',
      'parenthetical',
      'dialogue',
      'action',
    ]);
  });

  test('a DualDialogue container with one speaker is ordinary speech', () => {
    const doc = read(
      `<Paragraph><DualDialogue>${p('Character', 'SOLO')}${p('Dialogue', 'Alone.')}</DualDialogue></Paragraph>`,
    );
    expect(doc.elements[0]).toEqual({ type: 'character', text: 'SOLO', line: 4 });
  });

  test('scene summaries become synopses after the heading; notes follow their paragraph', () => {
    const doc = read(
      `<Paragraph Type="Scene Heading">
         <SceneProperties Length="2/8" Page="1" Title=""><Summary>
           <Paragraph><Text>Tara and Dinko argue.</Text></Paragraph>
           <Paragraph><Text>It ends in laughter.</Text></Paragraph>
         </Summary></SceneProperties>
         <Text>INT. STAN - NOĆ</Text>
       </Paragraph>
       <Paragraph Type="Action"><Text>She laughs.</Text>
         <ScriptNote ID="1"><Paragraph><Text>Too long?</Text></Paragraph></ScriptNote>
       </Paragraph>`,
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. STAN - NOĆ'],
      ['synopsis', 'Tara and Dinko argue.'],
      ['synopsis', 'It ends in laughter.'],
      ['action', 'She laughs.'],
      ['note', 'Too long?'],
    ]);
  });

  test('notes kept apart from the text (Final Draft 10+) are added at the end, with a warning', () => {
    const doc = read(
      p('Action', 'Text.'),
      `<ScriptNotes><ScriptNote Range="0,4"><Paragraph><Text>Hmm.</Text></Paragraph></ScriptNote></ScriptNotes>`,
    );
    expect(outline(doc)).toEqual([
      ['action', 'Text.'],
      ['note', 'Hmm.'],
    ]);
    expect(doc.diagnostics[0]?.message).toMatch(/stored apart/);
  });

  test('StartsNewPage gives a page break before the paragraph', () => {
    const doc = read(
      `${p('Action', 'One.')}${p('Scene Heading', 'INT. B', ' StartsNewPage="Yes"')}<Paragraph Type="Action" StartsNewPage="Yes"/>`,
    );
    expect(outline(doc)).toEqual([
      ['action', 'One.'],
      ['page_break', ''],
      ['scene_heading', 'INT. B'],
      ['page_break', ''],
    ]);
  });
});

describe('title page', () => {
  test('centred title, credit and author; copyright, draft and contact paragraphs', () => {
    const doc = read(
      '',
      `<TitlePage><Content>
        <Paragraph Alignment="Center"><Text Style="Underline">FDX Test Script</Text></Paragraph>
        <Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>
        <Paragraph Alignment="Center"><Text>Ian</Text></Paragraph>
        <Paragraph Alignment="Center"/>
        <Paragraph Alignment="Center"><Text>Story by KTM</Text></Paragraph>
        <Paragraph Alignment="Left"><Text>Copyright (c) 2026</Text></Paragraph>
        <Paragraph Alignment="Left"><Text>Draft 3, 1/27/2012</Text></Paragraph>
        <Paragraph Alignment="Left"><Text>Next Level Productions</Text></Paragraph>
        <Paragraph Alignment="Left"><Text>Solvang, CA</Text></Paragraph>
      </Content></TitlePage>`,
    );
    expect(doc.titlePage).toEqual({
      title: '_FDX Test Script_',
      credit: 'Written by',
      author: 'Ian',
      source: 'Story by KTM',
      copyright: 'Copyright (c) 2026',
      'draft date': 'Draft 3, 1/27/2012',
      contact: 'Next Level Productions\nSolvang, CA',
    });
  });

  test('paragraphs written as Fountain keys keep their keys', () => {
    const doc = read(
      '',
      `<TitlePage><Content>
        <Paragraph Alignment="Center"><Text>Title: Mi djeca</Text></Paragraph>
        <Paragraph Alignment="Center"><Text>Author: Matija Radeljak </Text></Paragraph>
        <Paragraph Alignment="Left"><Text>Agent: CAA</Text></Paragraph>
      </Content></TitlePage>`,
    );
    expect(doc.titlePage).toEqual({ title: 'Mi djeca', author: 'Matija Radeljak', agent: 'CAA' });
  });
});

describe('XML that is wrong or hostile', () => {
  test('entities: the five predefined and numeric references are decoded, others never expanded', () => {
    const doc = read(
      p('Action', 'Fish &amp; chips &lt;3 &quot;yes&quot; &#233;&#x1F3AC; &nbsp; &unknown;'),
    );
    expect(doc.elements[0]?.text).toBe('Fish & chips <3 "yes" é🎬 &nbsp; &unknown;');
  });

  test('a billion laughs stays a few bytes and takes no time', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level++) {
      entities.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? '' : level - 1};`.repeat(10)}">`);
    }
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE FinalDraft [${entities.join('')}]>\n<FinalDraft><Content>${p('Action', '&lol9;')}</Content></FinalDraft>`;
    const started = performance.now();
    const doc = parseScript(xml);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(doc.elements[0]?.text).toBe('&lol9;');
    expect(doc.diagnostics.map((diagnostic) => diagnostic.message)).toContain(
      'The file declares XML entities of its own; they were left unexpanded.',
    );
  });

  test('external entities are refused, never fetched or read', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><FinalDraft><Content>${p('Action', '&xxe;')}</Content></FinalDraft>`;
    const doc = parseScript(xml);
    expect(doc.elements).toEqual([]);
    expect(doc.diagnostics[0]?.message).toMatch(/External entities are not supported/);
  });

  test('malformed XML is an error with its line', () => {
    const doc = parseScript(
      fdx(`${p('Action', 'Fine.')}\n<Paragraph Type="Action"><Text>Broken</Paragraph>`),
    );
    expect(doc.diagnostics.find((diagnostic) => diagnostic.severity === 'error')).toMatchObject({
      line: 5,
      message: expect.stringMatching(/^This FDX file is not well-formed XML: /),
    });
  });

  test('XML that is not Final Draft is refused', () => {
    const doc = parseScript('<?xml version="1.0"?><svg><text>INT. HOUSE</text></svg>');
    expect(doc.elements).toEqual([]);
    expect(doc.diagnostics).toEqual([
      {
        line: 0,
        message:
          'This is not a Final Draft (FDX) file: its root element is <svg>, not <FinalDraft>.',
        severity: 'error',
      },
    ]);
  });

  test('nesting deeper than the parser allows is an error, not a stack overflow', () => {
    const doc = parseScript(
      `<FinalDraft>${'<a>'.repeat(5_000)}${'</a>'.repeat(5_000)}</FinalDraft>`,
      { format: 'fdx' },
    );
    expect(doc.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
  });

  test('CDATA is literal text; CRLF and a BOM are fine', () => {
    const xml =
      `\uFEFF${fdx(`<Paragraph Type="Action"><Text><![CDATA[a <b> &amp;]]></Text></Paragraph>`)}`.replace(
        /\n/g,
        '\r\n',
      );
    const doc = parseScript(xml);
    expect(doc.elements).toEqual([{ type: 'action', text: 'a <b> &amp;', line: 4 }]);
  });
});
