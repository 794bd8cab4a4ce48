import path from 'node:path';
import { imageSize } from 'image-size';
import type { VFile } from 'vfile';
import { IMAGE_EXTENSIONS } from '../load/snapshot.js';
import { imageKey } from '../load/images.js';
import type { LoadedRoundup } from '../load/roundup.js';
import type { PlaceIndex } from '../load/yaml.js';
import { addDiagnostic } from '../util/diagnostics.js';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * Every `image:` and `photo:` names an https URL or a picture inside the
 * roundup folder that roundup can read (its size goes on the page). A picture
 * that cannot be published stops the roundup, like any unreadable input.
 */
export function checkImages(loaded: LoadedRoundup): void {
  const check = (file: VFile, places: PlaceIndex, key: readonly (string | number)[], src: string) => {
    const reason = problem(loaded, src);
    if (!reason) return;
    const near = didYouMean(imageKey(src), loaded.images.keys());
    addDiagnostic(file, {
      ruleId: 'image-src',
      severity: 'error',
      span: places.value([...key, 'src']),
      reason,
      note: near[0]
        ? `Write \`${near[0]}\`.`
        : 'Put the picture in the roundup folder and write its path from there, such as `images/jane-doe.jpg`.',
      expected: near,
    });
  };
  const question = loaded.question;
  if (question.value?.image) check(question.file, question.places, ['image'], question.value.image.src);
  for (const expert of loaded.experts) {
    if (expert.value?.photo) check(expert.file, expert.places, ['photo'], expert.value.photo.src);
  }
}

function problem(loaded: LoadedRoundup, src: string): string | undefined {
  if (/^https:\/\/[^\s/]+\.[^\s]+$/.test(src)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))
    return `Unexpected image \`${src}\`, expected an https URL or a path inside the roundup folder`;
  const key = imageKey(src);
  if (path.posix.isAbsolute(key) || key.startsWith('../') || key === '..')
    return `Unexpected image path \`${src}\` outside the roundup folder, expected a path inside it`;
  if (!IMAGE_EXTENSIONS.has(path.posix.extname(key).toLowerCase()))
    return `Unexpected image \`${src}\`, expected a PNG, JPEG, GIF, WebP or AVIF file`;
  const raw = loaded.images.get(key);
  if (!raw)
    return `Unexpected image \`${src}\`, expected a file in the roundup folder (or its images/, img/, assets/, photos/ or experts/ folder)`;
  if (!raw.bytes) return `Unexpected image \`${src}\`: ${raw.refused?.reason ?? 'it cannot be read'}`;
  try {
    imageSize(raw.bytes);
    return undefined;
  } catch {
    return `Unexpected image \`${src}\`, expected a picture whose size can be read (the file is damaged or not an image)`;
  }
}
