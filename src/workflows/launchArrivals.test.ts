import { describe, expect, test } from 'vitest';
import { arrivalsFrom, isImportable, kindLabel, kindOfFile, whatItCreates } from './launchArrivals';

describe('what the OS hands the app, as the consent question shows it', () => {
  test('each file is named, sized and given the kind its importer takes', () => {
    const arrivals = arrivalsFrom(
      [
        new File([new Uint8Array(1400)], 'night.frameline'),
        new File(['{}'], 'night.json'),
        new File(['INT. A - DAY'], 'draft.FDX'),
        new File(['x'], 'photo.heic'),
      ],
      ['Title: Shared\n\nINT. HALL - DAY'],
    );
    expect(arrivals.map((a) => [a.kind, a.name, a.size])).toEqual([
      ['bundle', 'night.frameline', 1400],
      ['project', 'night.json', 2],
      ['screenplay', 'draft.FDX', 12],
      ['unsupported', 'photo.heic', 1],
      ['text', 'Title: Shared', 30],
    ]);
    expect(arrivals.map(isImportable)).toEqual([true, true, true, false, true]);
  });

  test('every kind says what importing it would create', () => {
    for (const kind of ['bundle', 'project', 'screenplay', 'text', 'unsupported'] as const) {
      expect(kindLabel(kind)).not.toBe('');
      expect(whatItCreates(kind)).toMatch(/project|Nothing/);
    }
    expect(kindOfFile('notes.fountain')).toBe('screenplay');
    expect(whatItCreates('unsupported')).toMatch(/left out/);
  });
});
