import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SEED, SOUND, timelineProject } from '../../../tests/helpers/timelineProject';
import type { Comment, CommentId } from '../../model/comment';
import type { AssetHash, ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import { buildReviewPage } from './reviewPage';

const HOSTILE = `</script><script>alert(1)</script><img src=x onerror="alert('x')">`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function project(): ProjectSnapshot {
  const base = timelineProject(`Birthday ${HOSTILE}`);
  return {
    ...base,
    scenes: base.scenes.map((s, i) => (i === 0 ? { ...s, heading: `INT. ${HOSTILE}` } : s)),
    shots: base.shots.map((s, i) =>
      i === 0
        ? {
            ...s,
            action: `Action ${HOSTILE}`,
            dialogue: [{ speaker: `BRICK ${HOSTILE}`, line: `Line ${HOSTILE}`, parenthetical: '' }],
          }
        : s,
    ),
  };
}

const comment = (id: string, body: string, external: boolean): Comment => ({
  id: id as CommentId,
  threadId: id as CommentId,
  target: { kind: 'shot', id: SEED.shot1 },
  body,
  mentions: [],
  author: { name: `Dana ${HOSTILE}`, color: '#6b7280', publicKey: '' },
  createdAt: 1,
  signature: '',
  ...(external ? { external: 'review-page' as const } : {}),
});

async function page(): Promise<string> {
  const snapshot = project();
  return buildReviewPage({
    projectId: 'project-1',
    snapshot,
    comments: [comment('c1', `Team note ${HOSTILE}`, false), comment('c2', 'Client note', true)],
    approvals: new Map([
      [
        SEED.shot1,
        {
          shotId: SEED.shot1,
          state: 'approved',
          author: { name: 'Anna', color: '#3d7fd9', publicKey: 'k' },
          setAt: 1,
          signature: 's',
        },
      ],
    ]),
    frames: new Map([
      [SEED.drawn, { bytes: PNG, type: 'image/png' }],
      [SEED.generated, { bytes: new TextEncoder().encode('<svg/>'), type: 'image/svg+xml' }],
    ]) as ReadonlyMap<AssetHash, { bytes: Uint8Array; type: string }>,
    exportedAt: Date.UTC(2026, 11, 5),
  });
}

/** The tags alone: quoted attribute values emptied (a quote inside one is always escaped). */
const markup = (html: string) => html.replace(/="[^"]*"/g, '=""');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const policyOf = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

describe('review page', () => {
  test("a shot's sound clips play from the page, while they are cheap", async () => {
    const snapshot = timelineProject();
    const base = {
      projectId: 'p',
      snapshot,
      comments: [],
      approvals: new Map(),
      frames: new Map(),
      exportedAt: 0,
    };
    const wav = { bytes: new Uint8Array([82, 73, 70, 70]), type: 'audio/wav' };
    const html = await buildReviewPage({ ...base, sounds: new Map([[SOUND, wav]]) });
    expect(html).toContain(
      '<audio class="clip" preload="auto" src="data:audio/wav;base64,UklGRg==" data-offset-ms="-500"',
    );
    expect(policyOf(html)).toContain('media-src data:');
    const notSound = { bytes: wav.bytes, type: 'text/html' };
    const refused = await buildReviewPage({ ...base, sounds: new Map([[SOUND, notSound]]) });
    expect(refused).not.toContain('<audio');
  });

  test('every project text is escaped: the page has exactly its own script', async () => {
    const html = await page();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img src=x');
    expect(markup(html)).not.toMatch(/<[^>]*\sonerror=/);
    expect(html).toContain('Birthday &lt;/script&gt;&lt;script&gt;alert(1)');
    expect(html).toContain('onerror=&quot;alert(&#39;x&#39;)&quot;');
  });

  test('its policy allows only its own script and style, by hash, and data: pictures', async () => {
    const html = await page();
    const policy = policyOf(html);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(1000);
    expect(policy).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(policy).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(html).not.toMatch(/\sstyle=/);
    expect(markup(html)).not.toMatch(/<[^>]*\son[a-z]+=/);
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
  });

  test('boards carry their frames, shot ids, durations, details, comments and approvals', async () => {
    const html = await page();
    const snapshot = project();
    const playing = snapshot.shots.filter((s) => !s.omitted);
    const ids = [...html.matchAll(/data-shot-id="([^"]+)"/g)].map((m) => m[1] as ShotId);
    expect(ids).toEqual(playing.map((s) => s.id));
    const durations = [...html.matchAll(/data-duration-ms="(\d+)"/g)].map((m) => Number(m[1]));
    expect(durations).toEqual(playing.map((s) => s.durationMs));
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgoBAgM="');
    // An SVG is never embedded, whatever the store says it is.
    expect(html).not.toContain('image/svg');
    expect(html).toContain('Approved · Anna');
    expect(html).toContain('Team note &lt;/script&gt;');
    expect(html).toContain('Client note');
    expect(html.match(/from a review page, not signed/g)).toHaveLength(1);
    expect(html).toContain('data-project-id="project-1"');
    expect(html).toContain('Medium shot · Eye level · Static');
    expect(html.match(/<button type="button" data-verdict="approved"/g)).toHaveLength(
      playing.length,
    );
  });
});
