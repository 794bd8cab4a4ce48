/**
 * roundup's library API: the same operations as the CLI, as functions that
 * take options and return data. Nothing here prints.
 *
 * @example
 * import { build, reportPretty } from 'expert-roundup';
 * const result = await build({ paths: ['examples/therapists-cry'], formats: ['html', 'json'] });
 * process.stderr.write(reportPretty(result.findings));
 * process.exitCode = result.code;
 */
export { build, check, FORMATS } from './engine/run.js';
export { render } from './render/formats.js';
export type { BuildOptions, BuildResult, CheckOptions, Format, RoundupResult } from './engine/run.js';
export type { FixedFile } from './engine/fix.js';
export type { Edit, Finding } from './util/diagnostics.js';
export { discoverRoundups } from './engine/discover.js';
export { UsageError } from './util/errors.js';
export { readRoundup } from './load/roundup.js';
export type { LoadedRoundup } from './load/roundup.js';
export { checkStructure } from './check/structure.js';
export { buildRoundup } from './model/roundup.js';
export type { Expert, Location, Roundup } from './model/roundup.js';
export { renderHtml } from './render/html.js';
export { renderJson } from './render/json.js';
export { renderText } from './render/text.js';
export { renderMarkdown } from './markdown/render.js';
export { reportPretty } from './report/pretty.js';
export { reportJson } from './report/json.js';
export { reportGithub } from './report/github.js';
export { lookupCredentials } from './commands/credentials.js';
export { RULES, LOAD_CHECKS } from './check/catalog.js';
export { exitCode } from './util/diagnostics.js';
