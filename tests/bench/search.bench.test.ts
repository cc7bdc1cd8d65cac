import { loadavg } from 'node:os';
import { test } from 'vitest';
import type { ProjectId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot, type Shot } from '../../src/model/shot';
import { searchDocumentsOf } from '../../src/search/searchDocuments';
import { SearchIndex } from '../../src/search/searchIndex';
import { SearchKeeper } from '../../src/search/searchKeeper';
import { openDb, ProjectRepository } from '../../src/store';

/**
 * `npm run bench:search` (printed, never asserted): the 50 projects of 200 shots (10,000
 * shots) — building the index from their search documents, queries as people type them (a whole
 * line of dialogue, two words with the last unfinished, one word), re-indexing one project after
 * a shot changed, and the worker's start-up two ways: reading every stored project (first run)
 * against loading the cached documents (every later run), in fake-indexeddb (slower than a
 * browser's IndexedDB: compare the two, not the absolute figures). Last line:
 * `search index_ms=<a> query_p95_ms=<b>`.
 */
const PROJECTS = 50;
const SHOTS = 200;
const QUERIES = 300;

/** A small deterministic generator, so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = random(15);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tin',
  'sa',
  'ro',
  'ven',
  'di',
  'ul',
  'pre',
  'sto',
  'na',
  'gre',
  'ho',
  'bel',
];
/** 3,000 words, a few common: text with the skew of real prose. */
const WORDS = Array.from({ length: 3000 }, () =>
  Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''),
);
const COMMON = ['the', 'and', 'you', 'was', 'not', 'she', 'door', 'light', 'never', 'back'];
const word = () => (next() < 0.3 ? pick(COMMON) : pick(WORDS));
const sentence = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min)) }, word).join(' ');

function project(p: number): { id: ProjectId; title: string; snapshot: ProjectSnapshot } {
  const scenes = Array.from({ length: SHOTS / 20 }, (_, i) =>
    createScene({
      id: `sc${i}` as SceneId,
      number: String(i + 1),
      heading: `INT. ${sentence(1, 3).toUpperCase()} - DAY`,
    }),
  );
  const shots: Shot[] = Array.from({ length: SHOTS }, (_, i) =>
    createShot({
      id: `p${p}s${i}` as ShotId,
      sceneId: scenes[Math.floor(i / 20)]!.id,
      number: String(i + 1),
      action: sentence(8, 20),
      dialogue: i % 2 ? [{ speaker: 'MARA', line: sentence(5, 15), parenthetical: '' }] : [],
      notes: i % 5 ? '' : sentence(3, 8),
    }),
  );
  return {
    id: `project-${p}` as ProjectId,
    title: `Episode ${p + 1}`,
    snapshot: { meta: createProjectMeta(`Episode ${p + 1}`), scenes, shots, characters: [] },
  };
}

const percentile = (times: number[], q: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(q * times.length))]!;

test('search over 50 projects of 200 shots', async () => {
  const projects = Array.from({ length: PROJECTS }, (_, p) => project(p));
  const docsOf = projects.map((p) =>
    searchDocumentsOf({
      projectId: p.id,
      title: p.title,
      tags: [],
      snapshot: p.snapshot,
      comments: [],
    }),
  );
  const documents = docsOf.reduce((sum, docs) => sum + docs.length, 0);

  const builds: number[] = [];
  let index = new SearchIndex();
  for (let run = 0; run < 3; run++) {
    index = new SearchIndex();
    const start = performance.now();
    projects.forEach((p, i) => index.replaceProject(p.id, docsOf[i]!));
    builds.push(performance.now() - start);
  }
  const indexMs = percentile(builds, 0.5);

  const withLines = projects.flatMap((p) => p.snapshot.shots.filter((s) => s.dialogue.length > 0));
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const shot = pick(withLines);
    const line = shot.dialogue[0]!.line;
    if (i % 3 === 0) return { text: line, shotId: shot.id };
    if (i % 3 === 1) {
      const [a, b] = line.split(' ');
      return { text: `${a} ${b!.slice(0, 3)}`, shotId: null };
    }
    return { text: pick(WORDS), shotId: null };
  });
  index.search('warm up');
  const times: number[] = [];
  const byKind: number[][] = [[], [], []];
  let found = 0;
  for (const [i, query] of queries.entries()) {
    const start = performance.now();
    const hits = index.search(query.text, { limit: 50 });
    times.push(performance.now() - start);
    byKind[i % 3]!.push(times.at(-1)!);
    if (query.shotId && hits[0]?.shotId === query.shotId) found += 1;
  }
  const lineQueries = queries.filter((q) => q.shotId).length;

  const edited = projects[7]!;
  const shots = edited.snapshot.shots.map((s, i) =>
    i === 100 ? { ...s, action: 'a windmill turns' } : s,
  );
  const start = performance.now();
  index.replaceProject(
    edited.id,
    searchDocumentsOf({
      projectId: edited.id,
      title: edited.title,
      tags: [],
      snapshot: { ...edited.snapshot, shots },
      comments: [],
    }),
  );
  const reindexMs = performance.now() - start;

  const db = openDb('search-bench');
  const repo = new ProjectRepository(db, null);
  for (const p of projects) await repo.create({ ...p.snapshot, meta: createProjectMeta(p.title) });
  let begun = performance.now();
  await new SearchKeeper(db).refresh();
  const readAllMs = performance.now() - begun;
  begun = performance.now();
  await new SearchKeeper(db).refresh();
  const fromCacheMs = performance.now() - begun;
  db.close();

  console.log(
    `${PROJECTS} projects × ${SHOTS} shots: ${documents} documents (load average ${loadavg()[0]!.toFixed(1)} on this machine)`,
  );
  console.log(`index build (median of 3): ${indexMs.toFixed(1)} ms`);
  console.log(
    `${QUERIES} queries: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  );
  console.log(
    `p95 by kind: a whole line ${percentile(byKind[0]!, 0.95).toFixed(2)} ms, two words (last unfinished) ${percentile(byKind[1]!, 0.95).toFixed(2)} ms, one word ${percentile(byKind[2]!, 0.95).toFixed(2)} ms`,
  );
  console.log(`a whole line of dialogue found its shot first: ${found} of ${lineQueries}`);
  console.log(`one shot edited, its project re-indexed: ${reindexMs.toFixed(1)} ms`);
  console.log(
    `worker start-up: reading ${PROJECTS} stored projects ${readAllMs.toFixed(0)} ms; from cached documents ${fromCacheMs.toFixed(0)} ms`,
  );
  console.log(
    `search index_ms=${indexMs.toFixed(1)} query_p95_ms=${percentile(times, 0.95).toFixed(2)}`,
  );
});
