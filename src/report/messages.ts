import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareMessage } from 'vfile-sort';
import { statistics as vfileStatistics } from 'vfile-statistics';

/** A file's messages in reading order; under `quiet`, errors only. */
export function sortMessages(file: VFile, options: { quiet?: boolean } = {}): VFileMessage[] {
  return [...file.messages].filter((message) => !options.quiet || message.fatal === true).sort(compareMessage);
}

export function statistics(files: readonly VFile[]) {
  const { fatal, warn, info } = vfileStatistics([...files]);
  return { errors: fatal, warnings: warn, infos: info };
}
