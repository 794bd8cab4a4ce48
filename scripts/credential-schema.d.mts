import type * as z from 'zod';

export declare const KINDS: readonly string[];
export declare const PROFESSIONS: readonly string[];
export declare const credentialEntry: z.ZodType<Record<string, unknown>>;
export declare const credentialFile: z.ZodType<{ field: string; entries: Record<string, unknown>[] }>;
export declare const compactFile: z.ZodType<{ compacts: Record<string, unknown>[] }>;
