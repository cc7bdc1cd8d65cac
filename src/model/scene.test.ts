import { expect, test } from 'vitest';
import { parseSceneHeading } from './scene';

test.each([
  ['INT. KITCHEN - NIGHT', 'INT', 'KITCHEN', 'NIGHT'],
  ['EXT. ROOF -- DUSK', 'EXT', 'ROOF', 'DUSK'],
  ['INT. SAN FRANCISCO APARTMENT, DAY', 'INT', 'SAN FRANCISCO APARTMENT', 'DAY'],
  ['INT./EXT. CAR - MOVING - DAY', 'INT/EXT', 'CAR - MOVING', 'DAY'],
  ['I/E PHONE BOOTH - NIGHT', 'INT/EXT', 'PHONE BOOTH', 'NIGHT'],
  ['EST. CITY SKYLINE', 'EXT', 'CITY SKYLINE', ''],
  ['BACK IN THE APARTMENT', 'NONE', 'BACK IN THE APARTMENT', ''],
])('%s → %s / %s / %s', (heading, intExt, location, timeOfDay) => {
  expect(parseSceneHeading(heading)).toEqual({ intExt, location, timeOfDay });
});
