import * as z from 'zod';
import { text } from './input.js';

/* The schema of roundup.config.yaml; see input.ts for how the error texts read. */

const CREDENTIAL_KINDS = [
  'academic-degree',
  'state-license',
  'national-certification',
  'registration',
  'fellowship',
  'membership',
] as const;

const names = () =>
  z.strictObject(
    { honorifics: z.enum(['keep', 'drop'], { error: '`keep` (Dr. Jane Doe) or `drop` (Jane Doe)' }).optional() },
    { error: 'a mapping with `honorifics`' },
  );

const locations = () =>
  z.strictObject(
    {
      style: z.enum(['full', 'ap', 'postal'], { error: '`full` (Texas), `ap` (Calif.) or `postal` (CA)' }).optional(),
      required: z.boolean({ error: '`true` or `false`' }).optional(),
    },
    { error: 'a mapping with `style` and `required`' },
  );

const credentials = () =>
  z.strictObject(
    {
      periods: z.enum(['none', 'ap', 'all'], { error: '`none` (PhD, LCSW), `ap` (Ph.D., LCSW) or `all` (Ph.D., L.C.S.W.)' }).optional(),
      extra: z
        .array(
          z.strictObject(
            {
              abbr: text('the abbreviation, such as `CHPC`'),
              expansion: text('what it stands for'),
              kind: z.enum(CREDENTIAL_KINDS, { error: `one of ${CREDENTIAL_KINDS.map((kind) => `\`${kind}\``).join(', ')}` }),
              issuer: text('the issuing body').optional(),
              states: z
                .array(text('an ISO 3166-2 code such as `US-TX`'), { error: 'a list of ISO 3166-2 codes such as `US-TX`' })
                .optional(),
            },
            { error: 'a mapping with `abbr`, `expansion` and `kind`' },
          ),
          { error: 'a list of credentials' },
        )
        .optional(),
      expansions: z.record(z.string(), text('the expansion meant'), { error: 'a mapping from abbreviation to expansion' }).optional(),
    },
    { error: 'a mapping with `periods`, `extra` and `expansions`' },
  );

const ruleLevels = () =>
  z.record(z.string(), z.enum(['off', 'info', 'warning', 'error'], { error: '`off`, `info`, `warning` or `error`' }), {
    error: 'a mapping from rule id to `off`, `info`, `warning` or `error`',
  });

const extendsEntry = () => text('a config path such as `../roundup.config.yaml`, or a package name');

const glob = () => text('a glob such as `news/**`');

export const configSchema = z.strictObject(
  {
    names: names().optional(),
    locations: locations().optional(),
    credentials: credentials().optional(),
    limits: z
      .strictObject(
        {
          maxFileBytes: z
            .number({ error: 'a number of bytes' })
            .int({ error: 'a whole number of bytes' })
            .positive({ error: 'a positive number of bytes' })
            // Hard ceilings: a config file must not lift the limits that keep a build bounded.
            .max(8 * 1024 * 1024, { error: 'at most 8388608 bytes (8 MiB): a hard ceiling that keeps a build bounded' })
            .describe('Refuse input files larger than this (default 524288, 512 KiB; at most 8 MiB)')
            .optional(),
          maxNesting: z
            .number({ error: 'a number of levels' })
            .int({ error: 'a whole number of levels' })
            .min(4, { error: 'at least 4 levels' })
            .max(64, { error: 'at most 64 levels' })
            .describe('Deepest nesting of quotes, lists and emphasis in Markdown (default 32)')
            .optional(),
          renderTimeoutMs: z
            .number({ error: 'milliseconds' })
            .int({ error: 'whole milliseconds' })
            .positive({ error: 'a positive number of milliseconds' })
            .max(10_000, { error: 'at most 10000 milliseconds: a hard ceiling that keeps a build bounded' })
            .describe('Time limit for rendering one large or heavily emphasized Markdown text (default 1500; at most 10000)')
            .optional(),
        },
        { error: 'a mapping with `maxFileBytes`, `maxNesting` and `renderTimeoutMs`' },
      )
      .optional(),
    rules: ruleLevels().optional(),
    extends: z
      .union([extendsEntry(), z.array(extendsEntry(), { error: 'a list of config paths or package names' }).min(1)], {
        error: 'a config path such as `../roundup.config.yaml`, a package name, or a list of them',
      })
      .describe('Configs this one builds on: paths relative to this file, or package names; this file wins')
      .optional(),
    overrides: z
      .array(
        z.strictObject(
          {
            files: z
              .union([glob(), z.array(glob(), { error: 'a list of globs' }).min(1)], { error: 'a glob or a list of globs' })
              .describe('Globs relative to the folder of the config in use, such as `news/**` or `**/experts/guest-*.md`'),
            rules: ruleLevels().describe('Severities for findings on the matching files').optional(),
            names: names().optional(),
            locations: locations().optional(),
            credentials: credentials().optional(),
          },
          { error: 'a mapping with `files` and `rules`, `names`, `locations` or `credentials`' },
        ),
        { error: 'a list of overrides, each with `files`' },
      )
      .describe('Settings for some files: rules for the files matched, house style for the roundups whose question.yaml is matched')
      .optional(),
  },
  { error: 'a mapping with `locations`, `credentials`, `limits`, `rules`, `extends` and `overrides`' },
);

export type ConfigInput = z.infer<typeof configSchema>;
