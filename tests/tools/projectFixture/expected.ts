import * as Y from 'yjs';
import { readProject, readReview, readVersions } from '../../../src/store/projectDoc';

/**
 * What this build reads from a project document, as plain JSON: the project (readProject), its
 * review (readReview) and its named versions (readVersions), with each version's own state read
 * as a project too. The fixture's `expected.json` is this, made by the build that saved the
 * fixture; later builds must read at least all of it back (tests/unit/projectFixtures.test.ts).
 */
export function readAll(doc: Y.Doc, versionStates: ReadonlyMap<string, Uint8Array>) {
  const { snapshot, problems } = readProject(doc);
  const review = readReview(doc);
  const versions = readVersions(doc);
  return {
    snapshot,
    problems,
    review: {
      comments: [...review.comments].sort((a, b) => (a.id < b.id ? -1 : 1)),
      resolutions: Object.fromEntries(review.resolutions),
      approvals: Object.fromEntries(review.approvals),
      problems: review.problems,
    },
    versions,
    versionSnapshots: Object.fromEntries(
      versions.map((version) => {
        const state = versionStates.get(version.stateHash);
        if (!state) throw new Error(`version ${version.name}: its state is not among the assets`);
        const versionDoc = new Y.Doc();
        Y.applyUpdate(versionDoc, state);
        const read = readProject(versionDoc);
        versionDoc.destroy();
        return [version.id, { snapshot: read.snapshot, problems: read.problems }];
      }),
    ),
  };
}

export type FixtureExpectation = ReturnType<typeof readAll>;
