import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOAD_CHECKS, RULES } from '../check/catalog.js';
import { docsUrl, type Finding, type Severity } from '../util/diagnostics.js';
import { relativeUrlPath } from '../util/paths.js';
import { readHomepage, readVersion } from '../util/version.js';
import { type Findings, type Reporter, reportAll, shown } from './messages.js';

/** The OASIS schema a SARIF 2.1.0 log names (errata 01, the current one). */
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Result and artifact URIs are relative to this base, the folder roundup ran in; code scanning resolves it to the checkout. */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface Descriptor {
  id: string;
  description?: string;
  severity?: Severity;
  kind: 'editorial' | 'load';
}

/**
 * A SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers: every
 * rule of the catalog with its description and documentation, and every
 * diagnostic as a result at its file, line and column.
 */
export function reportSarif(input: Findings, options: { quiet?: boolean; cwd?: string } = {}): string {
  return reportAll(sarifReporter(options), input);
}

/** The SARIF reporter: one document, whose rules come before its results, so it keeps each result (compact) and prints at the end. */
export function sarifReporter(options: { quiet?: boolean; cwd?: string } = {}): Reporter {
  const cwd = options.cwd ?? process.cwd();
  const descriptors: Descriptor[] = [
    ...RULES.map((rule): Descriptor => ({ id: rule.id, description: rule.description, severity: rule.severity, kind: 'editorial' })),
    ...LOAD_CHECKS.map((check): Descriptor => ({ id: check.id, description: check.description, kind: 'load' })),
  ];
  const indexes = new Map<string, number>();
  // The first descriptor of an id wins, should a rule and a load check share it.
  for (const [index, { id }] of descriptors.entries()) if (!indexes.has(id)) indexes.set(id, index);
  const results: ReturnType<typeof result>[] = [];
  return {
    add(findings) {
      for (const finding of shown(findings, options)) {
        const id = finding.ruleId ?? 'roundup';
        let index = indexes.get(id);
        if (index === undefined) indexes.set(id, (index = descriptors.push({ id, kind: 'load' }) - 1));
        results.push(result(finding, id, index, cwd));
      }
      return '';
    },
    end: () => sarifLog(descriptors, results, cwd),
  };
}

function sarifLog(descriptors: Descriptor[], results: unknown[], cwd: string): string {
  const homepage = readHomepage();
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'roundup',
            version: readVersion(),
            semanticVersion: readVersion(),
            ...(homepage && URL.canParse(homepage) ? { informationUri: homepage } : {}),
            rules: descriptors.map(reportingDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        // vfile counts columns in UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportingDescriptor({ id, description, severity, kind }: Descriptor) {
  const url = docsUrl(id);
  // A help URI is for a code-scanning page on the web: a file URL into one machine's install would be a dead link there.
  const absolute = /^https?:/.test(url);
  const where = absolute ? url : `\`docs/rules.md#${id}\` in roundup’s documentation (or \`roundup rules ${id}\`)`;
  return {
    id,
    ...(description
      ? {
          shortDescription: { text: description },
          fullDescription: { text: description },
          help: { text: `${description}\n\nSee ${url}.`, markdown: `${description}\n\nSee ${absolute ? `[${id}](${url})` : where}.` },
        }
      : {}),
    ...(absolute ? { helpUri: url } : {}),
    ...(severity ? { defaultConfiguration: { level: LEVEL[severity] } } : {}),
    properties: { tags: ['roundup', kind === 'editorial' ? 'editorial rule' : 'load check'] },
  };
}

function result(finding: Finding, ruleId: string, ruleIndex: number, cwd: string) {
  return {
    ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    // Code scanning shows message.text only, so the fix is in it, as in the github reporter.
    message: { text: finding.note ? `${finding.reason} (fix: ${finding.note})` : finding.reason },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, cwd),
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            ...(finding.endLine !== undefined ? { endLine: finding.endLine, endColumn: finding.endColumn } : {}),
          },
        },
      },
    ],
    ...(finding.note || finding.expected?.length
      ? {
          properties: {
            ...(finding.note ? { fix: finding.note } : {}),
            ...(finding.expected?.length ? { expected: finding.expected } : {}),
          },
        }
      : {}),
  };
}

/** A file below the working folder as a relative URI against %SRCROOT%; any other as an absolute file URL. */
function artifactLocation(filePath: string, cwd: string) {
  const absolute = path.resolve(cwd, filePath);
  const relative = relativeUrlPath(cwd, absolute);
  return relative ? { uri: relative, uriBaseId: SRCROOT } : { uri: pathToFileURL(absolute).href };
}
