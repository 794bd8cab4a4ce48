/** The output formats and their file extensions: what the CLI and the engine need without loading a renderer. */
export const FORMATS = ['html', 'json', 'text', 'md'] as const;
export type Format = (typeof FORMATS)[number];
export const EXTENSIONS: Record<Format, string> = { html: 'html', json: 'json', text: 'txt', md: 'md' };
