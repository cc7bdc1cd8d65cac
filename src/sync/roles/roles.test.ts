import * as encoding from 'lib0/encoding';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MESSAGE_SYNC, SYNC_UPDATE } from '../protocol';
import { makePass, verifyPass } from './pass';
import { newOwnerRoles, rolesForLink, type OwnerRoles, type RoomRoles } from './roomRoles';
import { signUpdate, verifyUpdateSignature } from './signedUpdate';
import { connectPeers, settlePeers, testDeviceKey, testPeer, type TestPeer } from './testPeers';
import type * as Y from 'yjs';

const ROOM = 'room-aaaaaaaaaaaaaaaa';
let owner: OwnerRoles;
const peers: TestPeer[] = [];

beforeAll(async () => {
  owner = await newOwnerRoles();
});
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
});

async function join(name: string, roles: RoomRoles | null): Promise<TestPeer> {
  const p = await testPeer(name, ROOM, roles);
  peers.push(p);
  return p;
}

/** An editor, a commenter and a viewer, every one linked to every other (a full mesh). */
async function room() {
  const editor = await join('editor', rolesForLink(owner, 'edit'));
  const commenter = await join('commenter', rolesForLink(owner, 'comment'));
  const viewer = await join('viewer', rolesForLink(owner, 'view'));
  connectPeers(editor, commenter);
  connectPeers(editor, viewer);
  connectPeers(commenter, viewer);
  editor.doc.getMap('shots').set('s1', 'first shot');
  await settlePeers();
  return { editor, commenter, viewer };
}

function comment(id: string, publicKey: string) {
  return { id, threadId: id, body: 'Slower here', author: { name: 'C', publicKey } };
}

/** Writes on the document as a modified client would: no UI, no command, straight into Yjs. */
function bypass(p: TestPeer, write: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array) => (update = u);
  p.doc.once('update', capture);
  write(p.doc);
  return update;
}

describe('passes', () => {
  test('a pass made with the edit key verifies for this room only, and only as an editor', async () => {
    const device = await testDeviceKey();
    const pass = await makePass(ROOM, rolesForLink(owner, 'edit'), device.publicKey);
    expect(pass?.role).toBe('edit');
    if (!pass) return;
    expect(await verifyPass(ROOM, owner.charter, pass)).toBe(true);
    expect(await verifyPass('another-room-aaaaaa', owner.charter, pass)).toBe(false);
    expect(await verifyPass(ROOM, owner.charter, { ...pass, device: 'x'.repeat(87) })).toBe(false);
    // A commenter who rewrites their pass to say "edit" holds a signature by the wrong key.
    const commentPass = await makePass(ROOM, rolesForLink(owner, 'comment'), device.publicKey);
    if (!commentPass) throw new Error('no comment pass');
    expect(await verifyPass(ROOM, owner.charter, { ...commentPass, role: 'edit' })).toBe(false);
  });

  test('a view link holds no role key, so a viewer has no pass', async () => {
    const device = await testDeviceKey();
    expect(rolesForLink(owner, 'view').roleSecret).toBeNull();
    expect(await makePass(ROOM, rolesForLink(owner, 'view'), device.publicKey)).toBeNull();
  });

  test('after the owner rotates the room, passes from the old room do not verify', async () => {
    const device = await testDeviceKey();
    const oldPass = await makePass(ROOM, rolesForLink(owner, 'edit'), device.publicKey);
    const rotated = await newOwnerRoles();
    if (!oldPass) throw new Error('no pass');
    expect(await verifyPass(ROOM, rotated.charter, oldPass)).toBe(false);
  });
});

describe('update signatures', () => {
  test('verify for the bytes and room they were made for, and nothing else', async () => {
    const device = await testDeviceKey();
    const update = new Uint8Array([1, 2, 3, 4]);
    const signature = await signUpdate(ROOM, device, update);
    const signed = { step: SYNC_UPDATE, update, device: device.publicKey, signature, pass: null };
    expect(await verifyUpdateSignature(ROOM, signed)).toBe(true);
    expect(
      await verifyUpdateSignature(ROOM, { ...signed, update: new Uint8Array([1, 2, 3, 5]) }),
    ).toBe(false);
    expect(await verifyUpdateSignature('other-room-aaaaaaaa', signed)).toBe(false);
    const other = await testDeviceKey();
    expect(await verifyUpdateSignature(ROOM, { ...signed, device: other.publicKey })).toBe(false);
  });
});

describe('a room with roles', () => {
  test("an editor's edits reach the commenter and the viewer, and catch-ups are accepted", async () => {
    const { editor, commenter, viewer } = await room();
    expect(commenter.doc.getMap('shots').get('s1')).toBe('first shot');
    expect(viewer.doc.getMap('shots').get('s1')).toBe('first shot');
    editor.doc.getMap('shots').set('s2', 'second');
    await settlePeers();
    expect(viewer.doc.getMap('shots').get('s2')).toBe('second');
    for (const p of [editor, commenter, viewer]) {
      expect(p.hub.getLinks().every((link) => link.synced)).toBe(true);
      expect(p.refusals()).toEqual([]);
    }
  });

  test("the commenter's comment in their own name reaches the editor", async () => {
    const { editor, commenter, viewer } = await room();
    commenter.doc.getMap('comments').set('c1', comment('c1', commenter.key.publicKey));
    await settlePeers();
    expect(editor.doc.getMap('comments').get('c1')).toMatchObject({ body: 'Slower here' });
    expect(viewer.doc.getMap('comments').get('c1')).toMatchObject({ body: 'Slower here' });
    expect(editor.refusals()).toEqual([]);
  });

  test("the commenter's edit to a shot reaches nobody, and is refused with a reason", async () => {
    const { editor, commenter, viewer } = await room();
    commenter.doc.getMap('shots').set('s1', 'hijacked');
    await settlePeers();
    expect(editor.doc.getMap('shots').get('s1')).toBe('first shot');
    expect(viewer.doc.getMap('shots').get('s1')).toBe('first shot');
    expect(editor.refusals().join('\n')).toMatch(
      /commenter: refused: a commenter may only add comments and approvals \(this update changes shots\) \(signed as comment\)/,
    );
  });

  test("a commenter cannot delete a shot, nor post a comment in someone else's name", async () => {
    const { editor, commenter } = await room();
    commenter.doc.getMap('shots').delete('s1');
    commenter.doc.getMap('comments').set('c2', comment('c2', editor.key.publicKey));
    await settlePeers();
    expect(editor.doc.getMap('shots').get('s1')).toBe('first shot');
    expect(editor.doc.getMap('comments').has('c2')).toBe(false);
    const refused = editor.refusals().join('\n');
    expect(refused).toMatch(/deletes from shots, which it may not edit/);
    expect(refused).toMatch(/must be signed in its author's own name/);
  });

  test("the viewer's edits reach nobody, even sent through the sync layer directly", async () => {
    const { editor, commenter, viewer } = await room();
    // An honest viewer's hub does not send local edits at all…
    viewer.doc.getMap('shots').set('s1', 'by the viewer');
    await settlePeers();
    expect(editor.doc.getMap('shots').get('s1')).toBe('first shot');
    // …a modified one sends them signed, on every link, and every peer refuses them.
    const update = bypass(viewer, (doc) => doc.getMap('shots').set('s3', 'forced'));
    for (const link of viewer.hub.getLinks()) link.sendUpdate(update);
    await settlePeers();
    expect(editor.doc.getMap('shots').has('s3')).toBe(false);
    expect(commenter.doc.getMap('shots').has('s3')).toBe(false);
    expect(editor.refusals().join('\n')).toMatch(
      /viewer: refused: a viewer may not change the project/,
    );
  });

  test('an unsigned update is refused, and a peer that keeps sending them is disconnected', async () => {
    const { editor, viewer } = await room();
    const update = bypass(viewer, (doc) => doc.getMap('shots').set('s4', 'unsigned'));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
    const link = viewer.hub.getLinks().find((l) => l.label === 'editor');
    for (let i = 0; i < 3; i++) link?.wire.send(encoding.toUint8Array(e));
    await settlePeers();
    expect(editor.doc.getMap('shots').has('s4')).toBe(false);
    expect(editor.refusals().join('\n')).toMatch(/an unsigned update in a room with roles/);
    expect(editor.hub.getLinks().map((l) => l.label)).not.toContain('viewer');
  });

  test("a peer with a pass from another room's keys is refused as an editor", async () => {
    const stranger = await newOwnerRoles();
    const editor = await join('editor', rolesForLink(owner, 'edit'));
    const forger = await join('forger', rolesForLink(stranger, 'edit'));
    connectPeers(editor, forger);
    await settlePeers();
    forger.doc.getMap('shots').set('s9', 'forged');
    await settlePeers();
    expect(editor.doc.getMap('shots').has('s9')).toBe(false);
    expect(editor.refusals().join('\n')).toMatch(/an edit pass this room did not issue/);
  });

  test("an editor's update relayed by a viewer keeps its author's signature and is applied", async () => {
    const a = await join('a', rolesForLink(owner, 'edit'));
    const middle = await join('middle', rolesForLink(owner, 'view'));
    const b = await join('b', rolesForLink(owner, 'edit'));
    connectPeers(a, middle);
    connectPeers(middle, b);
    await settlePeers();
    a.doc.getMap('shots').set('relayed', 'from a');
    await settlePeers();
    expect(b.doc.getMap('shots').get('relayed')).toBe('from a');
    expect(b.refusals()).toEqual([]);
  });

  test('a room without roles refuses signed updates (links of both kinds never mix)', async () => {
    const plain = await join('plain', null);
    const signed = await join('signed', rolesForLink(owner, 'edit'));
    connectPeers(plain, signed);
    signed.doc.getMap('shots').set('x', 1);
    await settlePeers();
    expect(plain.doc.getMap('shots').has('x')).toBe(false);
    expect(plain.refusals().join('\n')).toMatch(/a signed update in a room without roles/);
  });
});
