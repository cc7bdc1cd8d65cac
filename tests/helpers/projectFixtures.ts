import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { FixtureExpectation } from '../tools/projectFixture/expected';

/**
 * Projects saved by earlier builds (tests/fixtures/projects/v<N>/, made by
 * `npm run fixture:project`; each folder's README says how). Every build must open all of them.
 */
export const PROJECT_FIXTURES_DIR = fileURLToPath(
  new URL('../fixtures/projects/', import.meta.url),
);

export interface ProjectFixture {
  /** The schema version the fixture was saved in. */
  readonly version: number;
  readonly dir: string;
  /** The stored document: every docUpdates row merged. */
  readonly update: Uint8Array;
  readonly assets: readonly { hash: string; mimeType: string; bytes: Uint8Array }[];
  /** The projects-table row, without its id. */
  readonly row: { title: string; createdAt: number; updatedAt: number } & Record<string, unknown>;
  /** What the build that saved it read from it (tests/tools/projectFixture/expected.ts). */
  readonly expected: FixtureExpectation;
}

export function projectFixtureVersions(): number[] {
  return readdirSync(PROJECT_FIXTURES_DIR)
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function loadProjectFixture(version: number): ProjectFixture {
  const dir = `${PROJECT_FIXTURES_DIR}v${version}/`;
  const json = (name: string) => JSON.parse(readFileSync(dir + name, 'utf8')) as unknown;
  const list = json('assets.json') as { hash: string; mimeType: string; file: string }[];
  return {
    version,
    dir,
    update: new Uint8Array(readFileSync(`${dir}document.yjs`)),
    assets: list.map((a) => ({
      hash: a.hash,
      mimeType: a.mimeType,
      bytes: new Uint8Array(readFileSync(dir + a.file)),
    })),
    row: json('project-row.json') as ProjectFixture['row'],
    expected: json('expected.json') as FixtureExpectation,
  };
}

export function fixtureDoc(fixture: ProjectFixture): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fixture.update);
  return doc;
}

/**
 * Where `actual` lost or changed something `expected` has: every field of every expected object
 * must be in the actual one with an equal value (a later build may add fields), and lists keep
 * their length and order. Returns the paths that differ, so a failure names the field.
 */
export function lostFields(actual: unknown, expected: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list`];
    if (actual.length !== expected.length) {
      return [`${path}: ${expected.length} items expected, ${actual.length} found`];
    }
    return expected.flatMap((item, i) => lostFields(actual[i], item, `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${path}: expected an object, found ${JSON.stringify(actual)}`];
    }
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, value]) =>
      key in record
        ? lostFields(record[key], value, `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} found`];
}
