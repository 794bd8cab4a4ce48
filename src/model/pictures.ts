import { createHash } from 'node:crypto';
import path from 'node:path';
import { imageSize } from 'image-size';
import { imageKey } from '../load/images.js';
import type { LoadedRoundup } from '../load/roundup.js';
import { type MarkdownOptions, typesetText } from '../markdown/render.js';
import type { QuestionInput } from '../schema/input.js';

type PictureInput = NonNullable<QuestionInput['image']>;

/** A picture as published: beside the outputs under a content-hashed name, or at its https URL. */
export interface Picture {
  /** The file name beside the outputs (`therapists-cry-1a2b3c4d5e.jpg`), or the https URL. */
  src: string;
  alt: string;
  credit: string | null;
  /** Read from the file; null for a URL, whose size roundup does not fetch. */
  width: number | null;
  height: number | null;
  /** The picture's bytes, to write beside the outputs; absent for a URL. */
  bytes?: Uint8Array;
}

/**
 * A picture's published form. A local file (checked by `checkImages`) is
 * named after its content, so a changed picture gets a new URL and no cache
 * serves the old one.
 */
export function buildPicture(input: PictureInput, images: LoadedRoundup['images'], slug: string, options: MarkdownOptions): Picture {
  const alt = typesetText(input.alt.trim(), options);
  const credit = input.credit ? typesetText(input.credit.trim(), options) : null;
  const bytes = images.get(imageKey(input.src))?.bytes;
  if (!bytes) return { src: input.src, alt, credit, width: null, height: null };
  const { width, height } = imageSize(bytes);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const extension = path.posix.extname(input.src).toLowerCase().replace('.jpeg', '.jpg');
  return { src: `${slug}-${hash}${extension}`, alt, credit, width, height, bytes };
}

/** A picture's absolute address: its https URL, or its file beside the page at `url`; undefined without either. */
export function absolutePicture(picture: Picture, url: string | null): string | undefined {
  if (/^https:\/\//.test(picture.src)) return picture.src;
  return url ? new URL(picture.src, url).href : undefined;
}
