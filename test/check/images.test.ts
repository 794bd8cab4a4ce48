import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { makeRoundup } from '../helpers.js';

/* A 1×1 PNG: the smallest picture whose size can be read. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fe0def46b80000000049454e44ae426082',
  'hex',
);

async function photoFindings(photo: string) {
  const dir = makeRoundup({ experts: { 'jane-doe': `---\nname: Jane Doe\nphoto: ${photo}\n---\nAn answer.\n` } });
  mkdirSync(path.join(dir, 'images'));
  writeFileSync(path.join(dir, 'images/jane-doe.png'), PNG);
  writeFileSync(path.join(dir, 'images/broken.png'), 'not a picture');
  const result = await check({ paths: [dir] });
  return result.files.flatMap((file) =>
    file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`),
  );
}

describe('pictures', () => {
  test('a picture in the folder or at an https URL passes', async () => {
    expect(await photoFindings('{src: images/jane-doe.png, alt: Jane Doe}')).toEqual([]);
    expect(await photoFindings('{src: "https://example.com/jane.jpg", alt: Jane Doe}')).toEqual([]);
  });

  test('a missing, outside, damaged or non-https picture stops the roundup, at its src', async () => {
    expect(await photoFindings('{src: images/jane_doe.png, alt: Jane Doe}')).toEqual([
      '3:14 image-src: Unexpected image `images/jane_doe.png`, expected a file in the roundup folder (or its images/, img/, assets/, photos/ or experts/ folder)',
    ]);
    expect(await photoFindings('{src: ../secret.png, alt: Jane Doe}')).toEqual([
      '3:14 image-src: Unexpected image path `../secret.png` outside the roundup folder, expected a path inside it',
    ]);
    expect(await photoFindings('{src: "http://example.com/a.jpg", alt: Jane Doe}')).toEqual([
      '3:14 image-src: Unexpected image `http://example.com/a.jpg`, expected an https URL or a path inside the roundup folder',
    ]);
    expect(await photoFindings('{src: images/broken.png, alt: Jane Doe}')).toEqual([
      '3:14 image-src: Unexpected image `images/broken.png`, expected a picture whose size can be read (the file is damaged or not an image)',
    ]);
  });

  test('alt text is required', async () => {
    expect(await photoFindings('{src: images/jane-doe.png}')).toEqual(['3:8 schema: Missing required field `photo.alt`']);
  });
});
