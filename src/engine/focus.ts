import path from 'node:path';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { RULES } from '../check/catalog.js';

const EDITORIAL = new Set(RULES.map((rule) => rule.id));

/**
 * Keep what concerns the files a check was given (lint-staged and pre-commit
 * pass the changed ones): every message on those files; from the roundup's
 * other files, only
 *  - findings of a cross-file rule that name a given file as their related
 *    place (`expert-duplicate`, reported on the second file of a person);
 *  - errors that are no editorial finding (`schema`, `yaml-syntax`, …): they
 *    stop the roundup's checks, so without them a given file would pass
 *    without having been checked;
 *  - `internal-error`.
 * Roundup-wide findings reported on `question.yaml` (`expert-count`) belong
 * to `question.yaml`.
 */
export function keepFocused(files: readonly VFile[], focus: readonly string[], cwd: string): void {
  const given = new Set(focus.map((file) => path.resolve(cwd, file)));
  const isGiven = (file: string | undefined) => file !== undefined && given.has(path.resolve(cwd, file));
  for (const file of files) {
    if (isGiven(file.path)) continue;
    file.messages = file.messages.filter(
      (message) =>
        message.ruleId === 'internal-error' ||
        (message.fatal === true && !EDITORIAL.has(message.ruleId ?? '')) ||
        (message.cause instanceof VFileMessage && isGiven(message.cause.file)),
    );
  }
}
