// Draws the tray icons (one per presence state, each with an unread variant; template images for
// macOS, .ico for Windows) and the app icon, with no image library: a tiny PNG and ICO writer.
// Run: node scripts/generate-icons.mjs — the output is committed under assets/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA pixels from a shader (x, y in 0..1) → [r, g, b, a], 4× supersampled for smooth edges. */
function png(size, shade) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const [r, g, b, a] = shade((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      const a = acc[3] / 16;
      row.set(a === 0 ? [0, 0, 0, 0] : [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], a * 255].map(Math.round), 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO holding PNG images (Windows Vista and later read these). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
export const STATES = {
  online: { color: '#2ea043', mark: 'fill' },
  busy: { color: '#d1242f', mark: 'fill' },
  dnd: { color: '#a40e26', mark: 'bar' },
  away: { color: '#d4a72c', mark: 'fill' },
  brb: { color: '#d4a72c', mark: 'fill' },
  offwork: { color: '#8250df', mark: 'fill' },
  offline: { color: '#8c959f', mark: 'ring' },
  unknown: { color: '#8c959f', mark: 'ring' },
  'signed-out': { color: '#c9d1d9', mark: 'ring' },
};

function shader(state, unread, template) {
  const { color, mark } = STATES[state];
  const rgb = template ? [0, 0, 0] : hex(color);
  return (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.5);
    const badge = unread && Math.hypot(x - 0.8, y - 0.2) < 0.2;
    if (badge) return template ? [0, 0, 0, 1] : [218, 54, 51, 1];
    if (unread && Math.hypot(x - 0.8, y - 0.2) < 0.3) return [0, 0, 0, 0];
    if (d > 0.42) return [0, 0, 0, 0];
    if (mark === 'ring' && d < 0.26) return [0, 0, 0, 0];
    if (mark === 'bar' && Math.abs(y - 0.5) < 0.08 && Math.abs(x - 0.5) < 0.24) return template ? [0, 0, 0, 0] : [255, 255, 255, 1];
    return [...rgb, 1];
  };
}

const out = new URL('../assets/tray/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const state of Object.keys(STATES)) {
  for (const unread of [false, true]) {
    const name = `${state}${unread ? '-unread' : ''}`;
    const small = png(16, shader(state, unread, false));
    const large = png(32, shader(state, unread, false));
    writeFileSync(new URL(`${name}.png`, out), small);
    writeFileSync(new URL(`${name}@2x.png`, out), large);
    writeFileSync(new URL(`${name}Template.png`, out), png(16, shader(state, unread, true)));
    writeFileSync(new URL(`${name}Template@2x.png`, out), png(32, shader(state, unread, true)));
    writeFileSync(new URL(`${name}.ico`, out), ico([{ size: 16, data: small }, { size: 32, data: large }]));
  }
}

const appDir = new URL('../assets/app/', import.meta.url);
mkdirSync(appDir, { recursive: true });
const appShader = (x, y) => {
  const r = 0.18;
  const inside = Math.abs(x - 0.5) < 0.5 - r || Math.abs(y - 0.5) < 0.5 - r || Math.hypot(Math.abs(x - 0.5) - (0.5 - r), Math.abs(y - 0.5) - (0.5 - r)) < r;
  if (!inside) return [0, 0, 0, 0];
  const bubble = Math.hypot((x - 0.5) / 1.15, y - 0.46) < 0.26 || (x > 0.32 && x < 0.44 && y > 0.6 && y < 0.74 && y - 0.6 < (0.44 - x) * 1.2);
  if (bubble) return [255, 255, 255, 1];
  if (Math.hypot(x - 0.74, y - 0.72) < 0.1) return [46, 160, 67, 1];
  return [31, 111, 235, 1];
};
writeFileSync(new URL('icon.png', appDir), png(512, appShader));
writeFileSync(new URL('icon.ico', appDir), ico([16, 32, 48, 256].map((size) => ({ size, data: png(size, appShader) }))));
console.log('icons written to assets/tray and assets/app');
