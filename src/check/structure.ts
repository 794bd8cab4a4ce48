import path from 'node:path';
import { addDiagnostic } from '../util/diagnostics.js';
import type { LoadedRoundup } from '../load/roundup.js';
import { didYouMean } from '../util/did-you-mean.js';
import { isValidSlug, suggestSlug } from '../util/slug.js';
import { checkImages } from './images.js';

/**
 * Checks across the files of one roundup: its slug, its experts' ids and the
 * `order` list. Returns the slug when it is usable.
 */
export function checkStructure(loaded: LoadedRoundup): string | undefined {
  const { question, experts } = loaded;
  const file = question.file;

  if (loaded.expertsUnreadable) {
    addDiagnostic(file, {
      ruleId: 'read-error',
      severity: 'error',
      reason: `Cannot read the folder \`${path.join(loaded.dir, 'experts')}\`: ${loaded.expertsUnreadable === 'EACCES' || loaded.expertsUnreadable === 'EPERM' ? 'permission denied' : 'it is not a readable folder'} (${loaded.expertsUnreadable})`,
      note: 'Let the user who runs roundup read the folder (`chmod a+rx experts`), or fix what stands at its name.',
    });
  } else if (experts.length === 0 && question.value) {
    addDiagnostic(file, {
      ruleId: 'no-experts',
      severity: 'error',
      reason: `Missing experts, expected Markdown files in \`${path.join(loaded.dir, 'experts')}\``,
      note: 'Add one `experts/<id>.md` file per expert, with front matter and the answer.',
    });
  }

  for (const misnamed of loaded.misnamed) {
    const expected = `${path.basename(misnamed).replace(/\.[^.]+$/, '')}.md`;
    addDiagnostic(file, {
      ruleId: 'file-name',
      severity: 'warning',
      reason: `Unexpected file \`${misnamed}\`, expected a name ending in \`.md\`: it is left out of the article`,
      note: `Rename it \`${expected}\`.`,
      expected: [expected],
    });
  }

  for (const expert of experts) {
    if (isValidSlug(expert.id)) continue;
    const suggestion = suggestSlug(expert.id);
    addDiagnostic(expert.file, {
      ruleId: 'expert-id',
      severity: 'error',
      reason: `Unexpected file name \`${expert.id}.md\`, expected lowercase letters, digits and hyphens`,
      note: suggestion ? `Rename the file to \`${suggestion}.md\`.` : 'Rename the file after the expert, such as `jane-doe.md`.',
      expected: suggestion ? [suggestion] : [],
    });
  }

  if (question.value?.order) checkOrder(loaded, question.value.order);
  checkImages(loaded);
  return checkSlug(loaded);
}

function checkSlug(loaded: LoadedRoundup): string | undefined {
  const { file, value, places } = loaded.question;
  if (!value) return undefined;
  const folder = path.basename(path.resolve(file.cwd, loaded.dir));
  const slug = value.slug ?? folder;
  if (isValidSlug(slug)) return slug;
  const suggestion = suggestSlug(slug);
  addDiagnostic(file, {
    ruleId: 'slug',
    severity: 'error',
    span: value.slug === undefined ? undefined : places.value(['slug']),
    reason:
      value.slug === undefined
        ? `Unexpected folder name \`${folder}\` as the slug, expected lowercase letters, digits and hyphens`
        : `Unexpected slug \`${slug}\`, expected lowercase letters, digits and hyphens (at most 64)`,
    note: `Set \`slug: ${suggestion || 'my-roundup'}\` in question.yaml; it names the output files.`,
    expected: suggestion ? [suggestion] : [],
  });
  return undefined;
}

function checkOrder(loaded: LoadedRoundup, order: readonly string[]) {
  const { file, places } = loaded.question;
  const ids = loaded.experts.map((expert) => expert.id);
  const seen = new Set<string>();
  order.forEach((id, index) => {
    const span = places.value(['order', index]);
    if (seen.has(id)) {
      addDiagnostic(file, {
        ruleId: 'order',
        severity: 'error',
        span,
        reason: `Unexpected second \`${id}\` in \`order\`, expected each expert once`,
        note: 'Remove the repeated entry.',
      });
    } else if (!ids.includes(id)) {
      const near = didYouMean(id, ids);
      addDiagnostic(file, {
        ruleId: 'order',
        severity: 'error',
        span,
        reason: `Unexpected \`${id}\` in \`order\`, expected the id of a file in \`experts/\`${near[0] ? `; did you mean \`${near[0]}\`?` : ''}`,
        note: near[0] ? `Write \`${near[0]}\`.` : `Add \`experts/${id}.md\` or remove \`${id}\` from \`order\`.`,
        expected: near,
      });
    }
    seen.add(id);
  });
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    addDiagnostic(file, {
      ruleId: 'order',
      severity: 'error',
      span: places.key(['order']),
      reason: `Missing ${missing.map((id) => `\`${id}\``).join(', ')} in \`order\`, expected every expert listed once`,
      note: 'Add each expert to `order` where it belongs, or remove `order` to sort experts by file name.',
      expected: missing,
    });
  }
}
