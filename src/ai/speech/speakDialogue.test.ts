import { describe, expect, test } from 'vitest';
import type { AssetHash } from '../../model/ids';
import { speakDialogue, GAP_BETWEEN_LINES_MS } from './speakDialogue';
import { OPENAI_VOICES, voiceFor } from './voices';

describe('text to speech for a shot', () => {
  test('each character keeps one voice; different characters usually differ', () => {
    expect(voiceFor('ANNA', OPENAI_VOICES)).toBe(voiceFor('anna', OPENAI_VOICES));
    const voices = new Set(
      ['ANNA', 'BEN', 'CARLA', 'DEV', 'EMIL'].map((n) => voiceFor(n, OPENAI_VOICES)),
    );
    expect(voices.size).toBeGreaterThan(1);
    expect(voiceFor('ANNA', [])).toBe('');
  });

  test('lines are spoken one after another with a gap, through the router', async () => {
    const asked: { text: string; voice: string }[] = [];
    const spoken = await speakDialogue(
      {
        dialogue: [
          { speaker: 'ANNA', line: 'He is not coming.', parenthetical: '' },
          { speaker: 'BEN', line: '', parenthetical: '' },
          { speaker: 'BEN', line: 'I am right here.', parenthetical: '' },
        ],
      },
      {
        router: {
          speech: async (request) => {
            asked.push(request);
            return {
              result: { bytes: new Uint8Array([asked.length]), mimeType: 'audio/mpeg', usage: {} },
            } as never;
          },
        },
        store: async (bytes) => String(bytes[0]).repeat(64) as AssetHash,
        measure: async (bytes) => (bytes[0] === 1 ? 1500 : 900),
      },
    );
    expect(asked.map((a) => a.text)).toEqual(['He is not coming.', 'I am right here.']);
    expect(asked[0]?.voice).toBe(voiceFor('ANNA', OPENAI_VOICES));
    expect(spoken.map((s) => [s.offsetMs, s.durationMs])).toEqual([
      [0, 1500],
      [1500 + GAP_BETWEEN_LINES_MS, 900],
    ]);
  });
});
