// Draws the small pictures of examples/first-appointment (a banner and three
// headshot placeholders) as PNG files, so the example ships pictures made for
// it rather than copied from anywhere. Run once; the files are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** An RGB PNG whose pixel colour is `colour(x, y)`. */
function png(width, height, colour) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(colour(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = 'examples/first-appointment/images';
// A calm banner: a sky-to-sand gradient with a low sun.
writeFileSync(
  `${dir}/waiting-room.png`,
  png(480, 240, (x, y) => {
    const sun = Math.hypot(x - 360, y - 150) < 40;
    return sun ? [246, 196, 120] : [Math.round(120 + (y / 240) * 110), Math.round(160 + (y / 240) * 70), Math.round(200 - (y / 240) * 40)];
  }),
);
// Headshot placeholders: a head and shoulders in each expert's colour.
const headshot = (background, figure) => (x, y) => {
  const head = Math.hypot(x - 48, y - 38) < 18;
  const shoulders = y > 62 && Math.hypot(x - 48, y - 100) < 40;
  return head || shoulders ? figure : background;
};
writeFileSync(`${dir}/rosa-delgado.png`, png(96, 96, headshot([214, 226, 240], [70, 96, 140])));
writeFileSync(`${dir}/samuel-okafor.png`, png(96, 96, headshot([232, 224, 206], [128, 92, 58])));
writeFileSync(`${dir}/mei-lin-hart.png`, png(96, 96, headshot([218, 236, 222], [64, 120, 88])));
