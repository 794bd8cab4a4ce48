import { UsageError } from '../util/errors.js';
import type { CliIo } from '../commands/io.js';

/** Ask for each field of a new expert on the terminal; Enter keeps what was given on the command line. */
export async function ask(io: CliIo, fields: { name: string; credentials?: string; role?: string; location?: string }) {
  const input = io.stdin ?? process.stdin;
  if (!input.isTTY) throw new UsageError('--interactive needs a terminal; give the fields as options instead');
  const { createInterface } = await import('node:readline/promises');
  const prompt = createInterface({ input, output: io.stderr as NodeJS.WritableStream });
  try {
    const question = async (label: string, current?: string) =>
      (await prompt.question(`${label}${current ? ` [${current}]` : ''}: `)).trim() || current;
    return {
      name: (await question('Full name', fields.name)) ?? '',
      credentials: await question('Credentials (comma-separated)', fields.credentials),
      role: await question('Role', fields.role),
      location: await question('Location (City, Region)', fields.location),
    };
  } finally {
    prompt.close();
  }
}
