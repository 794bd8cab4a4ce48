import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { stringify } from 'yaml';
import { addDiagnostic, severityOf } from '../util/diagnostics.js';
import { suggestSlug } from '../util/slug.js';
import { credentialIndexFor } from '../check/context.js';
import { suggestCredentials } from '../data/credential-meaning.js';
import { resolveLocation } from '../data/locations.js';
import { nearestRegions } from '../data/regions.js';
import { UsageError } from '../util/errors.js';
import { PACKAGE_NAME, packageFile } from '../util/package-root.js';
import type { CommandContext } from './io.js';
import { DEFAULT_CONFIG } from '../load/find-config.js';
import { buildLocation, splitCredentials } from '../model/fields.js';

const QUESTION_TEMPLATE = (slug: string, schema: string) => `# yaml-language-server: $schema=${schema}
# A roundup: one question put to several experts. Every field is shown; the optional ones are commented out.

# The article title (required).
title: What should people know before their first therapy session?

# The question put to the experts, if it differs from the title.
# question: What should people know before their first therapy session?

# Names the output files (${slug}.html, …). Default: the folder name.
# slug: ${slug}

# The author: a name, a mapping with name and url, {organization: …}, or a list of authors.
byline: Your Name
# byline:
#   name: Your Name
#   url: https://example.com/about

# A line under the title.
# dek: Five clinicians on what they wish patients knew.

# Publication date, and the date of the last substantive change, written YYYY-MM-DD.
# published: 2026-01-31
# updated: 2026-02-14

# The publication.
# site:
#   name: Your Publication
#   url: https://example.com/

# The article's language and canonical URL.
# lang: en
# url: https://example.com/roundups/${slug}

# The column the roundup runs in; the blurb follows its name.
# column:
#   name: 1 Question, 3 Answers
#   blurb: is a column where we ask different types of healthcare pros to weigh in on the same issue.

# Markdown before the answers.
intro: |
  We asked three professionals. Here is what they had to say.

# Expert ids (file names in experts/ without .md) in print order. Default: file-name order.
# order: [jane-doe]

# After the answers.
closing: Responses have been condensed and lightly edited.
# cta: Ready to book an appointment? [Find a therapist](https://example.com/).

# A word budget per answer, for answer-length and --condense apply.
# condense:
#   maxWords: 250
`;

const EXPERT_TEMPLATE = `---
name: Alex Rivera
credentials: [PhD, LCSW]        # a list, or the printed string "PhD, LCSW"
role: Clinical psychologist     # optional
location: Austin, Texas         # "City, Region", or {city, region, country}
---
Write the expert's answer here, in Markdown. Each paragraph is kept; **emphasis**
and [links](https://example.com/) work.
`;

interface Created {
  /** Files written, relative to `cwd`. */
  files: string[];
}

/**
 * The `$schema` for a question.yaml written in `folder`, relative to it, for
 * completion and inline errors in editors. The project's own install of
 * roundup (node_modules/expert-roundup above the folder) lasts; the copy this
 * command runs from (a checkout of roundup, a global install or npx's cache)
 * is the fallback. Either way the file exists when it is written.
 */
function schemaPath(folder: string): string {
  const file = path.join('schema', 'question.json');
  let schema = packageFile(file);
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const installed = path.join(dir, 'node_modules', PACKAGE_NAME, file);
    if (existsSync(installed)) {
      schema = installed;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return path.relative(folder, schema).split(path.sep).join('/');
}

/** Scaffold a roundup folder: question.yaml with every field shown, and one example expert. Never overwrites. */
async function initRoundup(dir: string, options: { cwd: string }): Promise<Created> {
  const absolute = path.resolve(options.cwd, dir);
  if (existsSync(absolute) && readdirSync(absolute).length > 0) {
    throw new UsageError(`${dir}: the folder exists and is not empty; roundup init never overwrites anything`);
  }
  const slug = suggestSlug(path.basename(absolute)) || 'my-roundup';
  await mkdir(path.join(absolute, 'experts'), { recursive: true });
  const question = path.join(absolute, 'question.yaml');
  const expert = path.join(absolute, 'experts', 'alex-rivera.md');
  await writeFile(question, QUESTION_TEMPLATE(slug, schemaPath(absolute)), { flag: 'wx' });
  await writeFile(expert, EXPERT_TEMPLATE, { flag: 'wx' });
  return { files: [question, expert].map((file) => path.relative(options.cwd, file)) };
}

export interface NewExpert {
  name: string;
  credentials?: string;
  role?: string;
  location?: string;
}

/**
 * Check an expert's fields before anything is written, as findings of the
 * rules `check` would report: unknown credentials warn, an unknown region is
 * an error.
 */
function checkNewExpert(expert: NewExpert): VFileMessage[] {
  const file = new VFile();
  const report = (ruleId: string, severity: 'error' | 'warning' | 'info', reason: string) =>
    addDiagnostic(file, { ruleId, severity, reason });
  if (!expert.name.trim()) report('schema', 'error', 'Missing name, expected the expert’s full name');
  const index = credentialIndexFor(DEFAULT_CONFIG);
  for (const credential of splitCredentials(expert.credentials)) {
    if (index.lookup(credential).entries.length > 0) continue;
    const near = suggestCredentials(credential, index);
    if (near.length === 0) report('credential-unknown', 'info', `Unexpected credential \`${credential}\`, not in the registry`);
    else
      report(
        'credential-unknown',
        'warning',
        `Unexpected unknown credential \`${credential}\`, did you mean ${near.map((abbr) => `\`${abbr}\``).join(' or ')}?`,
      );
  }
  if (expert.location) {
    const location = buildLocation(expert.location);
    const resolved = resolveLocation(location);
    if (resolved.unknownRegion && location.region) {
      const near = nearestRegions(location.region);
      report(
        'location-region-unknown',
        'error',
        `Unexpected region \`${location.region}\`, expected a US state, a Canadian province, an Australian state or a country${near[0] ? `; did you mean \`${near[0]}\`?` : ''}`,
      );
    } else if (!location.region) {
      report('location-region-missing', 'warning', `Unexpected location \`${location.city}\` without a region, expected \`City, Region\``);
    }
  }
  return file.messages;
}

/** Write `experts/<slug>.md` for a new expert, unless checking found an error. Never overwrites. */
async function newExpert(roundupDir: string, expert: NewExpert, options: { cwd: string }): Promise<Created & { findings: VFileMessage[] }> {
  const absolute = path.resolve(options.cwd, roundupDir);
  if (!existsSync(path.join(absolute, 'question.yaml')))
    throw new UsageError(`${roundupDir}: no question.yaml here; create the roundup first with roundup init`);
  const findings = checkNewExpert(expert);
  if (findings.some((finding) => finding.fatal === true)) return { files: [], findings };
  const id = suggestSlug(expert.name);
  if (!id) throw new UsageError(`cannot make a file name from "${expert.name}"`);
  const file = path.join(absolute, 'experts', `${id}.md`);
  if (existsSync(file)) throw new UsageError(`${path.relative(options.cwd, file)} exists; roundup new never overwrites a file`);
  const credentials = splitCredentials(expert.credentials);
  const frontMatter = stringify(
    {
      name: expert.name.trim(),
      ...(credentials.length > 0 ? { credentials } : {}),
      ...(expert.role ? { role: expert.role.trim() } : {}),
      ...(expert.location ? { location: expert.location.trim() } : {}),
    },
    { version: '1.1', lineWidth: 0, flowCollectionPadding: false },
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\n${frontMatter}---\nWrite ${expert.name.trim()}’s answer here, in Markdown.\n`, { flag: 'wx' });
  return { files: [path.relative(options.cwd, file)], findings };
}

/** `roundup init`: the folder, then what to do next. */
export async function initCommand(folder: string, { io, cwd }: CommandContext): Promise<number> {
  const created = await initRoundup(folder, { cwd });
  io.stdout.write(
    `Created ${created.files.join(', ')}\n\nNext:\n  roundup new expert ${folder} "Jane Doe" --credentials "LCSW" --location "Austin, Texas"\n  (write the answer in the file it creates, then delete the example expert)\n  roundup check ${folder}\n  roundup preview ${folder}\n  roundup build ${folder} --format html,json,text\n`,
  );
  return 0;
}

/** `roundup new expert`: the findings on the fields, then the file, unless a finding is an error. */
export async function newExpertCommand(folder: string, expert: NewExpert, { io, cwd }: CommandContext): Promise<number> {
  if (!expert.name) throw new UsageError('the expert\'s name is required: roundup new expert <roundup> "Full Name"');
  const created = await newExpert(folder, expert, { cwd });
  for (const finding of created.findings) io.stderr.write(`${severityOf(finding)}: ${finding.reason}\n`);
  if (created.files.length === 0) {
    io.stderr.write('Nothing written: fix the error above and run the command again.\n');
    return 1;
  }
  io.stdout.write(`Created ${created.files.join(', ')}: write the answer below its front matter.\n`);
  return 0;
}
