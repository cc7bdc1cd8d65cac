import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A frame that compresses like the offline sketches (1280 × 720 PNG of flat tones and thin lines,
 * 40–70 KB): a toned background, a floor line, a window and a figure-sized box, placed by the seed.
 * What the PDF benchmark embeds: as costly to decode as a real sketch, without sketching.
 */
export function sketchLikePng(seed: number, width = 1280, height = 720): Buffer {
  const tone = 60 + ((seed * 37) % 120);
  const floor = Math.round(height * (0.6 + ((seed * 13) % 20) / 100));
  const box = { x: 100 + ((seed * 97) % (width - 400)), w: 120, y: floor - 300, h: 300 };
  const win = { x: 200 + ((seed * 53) % (width - 500)), y: 120, w: 220, h: 160 };
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < width; x++) {
      let v = y < floor ? tone : tone - 20;
      const onRect = (r: { x: number; y: number; w: number; h: number }) =>
        x >= r.x &&
        x < r.x + r.w &&
        y >= r.y &&
        y < r.y + r.h &&
        (x - r.x < 2 || r.x + r.w - x <= 2 || y - r.y < 2 || r.y + r.h - y <= 2);
      if (Math.abs(y - floor) < 2 || onRect(box) || onRect(win)) v = 220;
      // The perspective lines of a room, as the sketches draw them.
      if (
        Math.abs(y - (floor * x) / width) < 1.5 ||
        Math.abs(y - (floor * (width - x)) / width) < 1.5
      )
        v = 200;
      const i = y * row + 1 + x * 3;
      raw[i] = v;
      raw[i + 1] = v + 4;
      raw[i + 2] = v + 10;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
