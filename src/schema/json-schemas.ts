import * as z from 'zod';
import { configSchema } from './config.js';
import { expertSchema, questionSchema } from './input.js';
import { outputSchema } from './output.js';

export const SCHEMA_NAMES = ['question', 'expert', 'config', 'output'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const SOURCES: Record<SchemaName, { schema: z.ZodType; file: string; title: string; io: 'input' | 'output' }> = {
  question: { schema: questionSchema, file: 'question.json', title: 'roundup question.yaml', io: 'input' },
  expert: { schema: expertSchema, file: 'expert.json', title: 'roundup expert front matter', io: 'input' },
  config: { schema: configSchema, file: 'config.json', title: 'roundup.config.yaml', io: 'input' },
  output: { schema: outputSchema, file: 'roundup.output.json', title: 'roundup JSON output', io: 'output' },
};

export const schemaFile = (name: SchemaName) => SOURCES[name].file;

/**
 * The JSON Schema of an input file or of the JSON output, generated from the
 * zod schema the loader (or renderer) itself uses, so the two never disagree.
 */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, title, io } = SOURCES[name];
  return { title, ...z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) };
}

export const renderJsonSchema = (name: SchemaName) => `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
