import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ImageItem } from '../../model/drawing';
import type { ShotId } from '../../model/ids';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { noisePng } from '../../../tests/helpers/noisePng';
import { runOk } from '../../../tests/helpers/commands';
import { newProviderConfig } from '../settings/providerConfig';
import { openAiHarness, type AiHarness } from '../testKit';
import { CUTOUT_MAX_PIXELS, cutoutSize, removeBackground } from './removeBackground';

/** "Remove background" from the picture to the cut-out on the layer, through the fake. */

const SHOT = 'shot-1' as ShotId;
const PHOTO = new Uint8Array(noisePng(80, 45, 9));

let fake: FakeProviderServer;
let h: AiHarness;
let picture: ImageItem;

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

beforeEach(async () => {
  h = await openAiHarness();
  picture = {
    id: 'photo',
    type: 'image',
    hash: await h.assets.put(PHOTO, 'image/png'),
    points: [-4_000, -2_250, 8_000, 4_500],
    x: 0,
    y: 0,
    rotation: 0,
    scale: 1,
  };
  runOk(h.session, 'drawing/addImageLayer', {
    shotId: SHOT,
    layer: { id: 'img', name: 'Photo' },
    picture,
    aboveLayerId: null,
  });
  h.session.undoManager.stopCapturing();
});
afterEach(() => h.close());

async function addStability(scenario = 'ok') {
  await h.ai.saveProvider(
    {
      ...newProviderConfig('stability'),
      label: 'Stability',
      baseUrl: fake.baseUrl('stability', scenario),
    },
    { set: 'sk-stab-e2e' },
  );
}

const photo = () => h.session.drawing(SHOT).layers.find((l) => l.id === 'img')?.items[0];
const deps = () => ({ session: h.session, router: h.ai.router, assets: h.assets });
const input = (signal?: AbortSignal) => ({
  shotId: SHOT,
  itemId: 'photo',
  image: { bytes: PHOTO, mimeType: 'image/png' },
  ...(signal ? { signal } : {}),
});

describe('removing a picture’s background', () => {
  test('the cut-out is stored, replaces the picture in one undo step, and is costed and logged', async () => {
    await addStability();
    expect(await h.ai.canRemoveBackground()).toBe(true);
    const outcome = await removeBackground(deps(), input());
    expect(outcome.providerLabel).toBe('Stability');
    expect(outcome.costUsd).toBeCloseTo(0.02);
    expect(photo()).toEqual({ ...picture, hash: outcome.hash, original: picture.hash });
    const blob = await h.assets.get(outcome.hash);
    expect(blob?.type).toBe('image/png');
    const [row] = await h.ai.log.list();
    expect(row).toMatchObject({
      capability: 'removeBackground',
      model: 'remove-background',
      outcome: 'ok',
      providerLabel: 'Stability',
    });
    h.session.undo();
    expect(photo()).toEqual(picture);
  });

  test('with no provider that offers it, it says so and changes nothing', async () => {
    expect(await h.ai.canRemoveBackground()).toBe(false);
    await expect(removeBackground(deps(), input())).rejects.toThrow(
      /No provider is set up for background removal/,
    );
    expect(photo()).toEqual(picture);
  });

  test('cancelled while waiting, nothing is written', async () => {
    await addStability('slow-400');
    const controller = new AbortController();
    const pending = removeBackground(deps(), input(controller.signal));
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(photo()).toEqual(picture);
  });
});

test('pictures are fitted to the documented size limits, proportions kept', () => {
  expect(cutoutSize(1920, 1080)).toEqual({ width: 1920, height: 1080 });
  const big = cutoutSize(6000, 4000);
  expect(big.width * big.height).toBeLessThanOrEqual(CUTOUT_MAX_PIXELS);
  expect(big.width / big.height).toBeCloseTo(1.5, 2);
  expect(cutoutSize(32, 16)).toEqual({ width: 128, height: 64 });
});
