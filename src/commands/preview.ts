import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../engine/run.js';
import { scriptSafeJson } from '../render/json-ld.js';
import { reportPretty } from '../report/pretty.js';
import { watchFiles } from '../engine/watch.js';
import type { CommandContext } from './io.js';
import { allowedHosts, DEFAULT_PORT, hostName, isLoopback, listenOnFreePort, urlHost } from './listen.js';
import { summaryLine } from './terminal.js';

interface PreviewOptions {
  cwd: string;
  /** Default: 4321, or the next free port after it; given, that port or an error (0 picks any free port). */
  port?: number;
  /** Default 127.0.0.1: the preview is for the editor's own machine. */
  host?: string;
  /** After every build, with what it found. */
  onBuild?: (result: BuildResult) => void;
}

interface Preview {
  url: string;
  port: number;
  /** Stop watching and serving, and remove the preview's files. */
  close(): Promise<void>;
}

/*
 * The page a preview serves is the built article plus this script: it
 * listens for rebuilds, reloads on success, and shows the diagnostics over
 * the page when the input is broken (text only, never HTML).
 */
const CLIENT = `(() => {
  const show = (problems) => {
    let overlay = document.getElementById('roundup-overlay');
    if (!problems) { overlay?.remove(); return; }
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'roundup-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:0;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.5 ui-monospace,monospace;z-index:2147483647';
      document.body.append(overlay);
    }
    const title = document.createElement('h2');
    title.textContent = 'roundup: this roundup has errors';
    title.style.cssText = 'color:#ff8a80;font:bold 18px system-ui,sans-serif';
    const body = document.createElement('pre');
    body.textContent = problems;
    body.style.whiteSpace = 'pre-wrap';
    overlay.replaceChildren(title, body);
  };
  show(window.__ROUNDUP_PROBLEMS__);
  const events = new EventSource('/__roundup/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => show(JSON.parse(event.data)));
})();`;

/** Serve one roundup's HTML on localhost, rebuilding it when its files change and reloading the open page. */
async function startPreview(dir: string, options: PreviewOptions): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  let html: string | undefined;
  let problems: string | undefined;
  const page = () => {
    const script = `<script>window.__ROUNDUP_PROBLEMS__ = ${scriptSafeJson(problems ?? null)};\n${CLIENT}</script>`;
    const document =
      html ?? '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>roundup preview</title></head><body></body></html>';
    return document.replace('</body>', `${script}\n</body>`);
  };
  const allowed = allowedHosts(host);
  const server = createServer((request, response) => serve(request, response, { allowed, clients, page }));
  // Listening comes first: a busy port or a bad host is said at once, before any build or watcher.
  const port = await listenOnFreePort(server, { port: options.port, host });
  const out = mkdtempSync(path.join(tmpdir(), 'roundup-preview-'));
  // Ctrl-C and SIGTERM end the process through process.exit: its folder goes with it on every path.
  const removeFolder = () => rmSync(out, { recursive: true, force: true });
  process.once('exit', removeFolder);

  const rebuild = async () => {
    const result = await build({ paths: [dir], cwd: options.cwd, outDir: out, cacheDir: path.join(out, '.cache'), formats: ['html'] });
    const roundup = result.roundups[0];
    const file = roundup?.written[0] ?? (roundup?.unchanged ? path.join(out, readFirstHtml(out)) : undefined);
    problems = result.code === 0 ? undefined : reportPretty(result.findings, { quiet: true }).trim() || 'The build failed.';
    if (file) html = readFileSync(path.resolve(options.cwd, file), 'utf8');
    options.onBuild?.(result);
    return result;
  };
  await rebuild().catch(async (error: unknown) => {
    await new Promise((resolve) => server.close(resolve));
    process.off('exit', removeFolder);
    removeFolder();
    throw error;
  });

  const send = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${data}\n\n`);
  };
  let queue = Promise.resolve();
  const stopWatching = watchFiles([dir], { cwd: options.cwd }, () => {
    // One rebuild at a time; a change during a rebuild runs another after it.
    queue = queue.then(async () => {
      await rebuild().catch((error: Error) => (problems = `roundup failed: ${error.message}`));
      if (problems) send('problems', JSON.stringify(problems));
      else send('reload', '{}');
    });
  });

  return {
    url: `http://${urlHost(host)}:${port}/`,
    port,
    async close() {
      stopWatching();
      for (const client of clients) client.end();
      await new Promise((resolve) => server.close(resolve));
      await queue;
      process.off('exit', removeFolder);
      removeFolder();
    },
  };
}

/** One request: the page, its live-reload stream, or a refusal. */
function serve(
  request: IncomingMessage,
  response: ServerResponse,
  { allowed, clients, page }: { allowed: Set<string>; clients: Set<ServerResponse>; page: () => string },
): void {
  const answersTo = (header: string) => allowed.has(hostName(header));
  // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 sends its own Host.
  if (!answersTo(request.headers.host ?? '')) {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: the preview answers only to localhost\n');
    return;
  }
  // The live-reload stream is for the preview's own page: a request from another origin is turned away.
  const origin = request.headers.origin;
  if (origin !== undefined && !answersTo(hostOf(origin))) {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden: another origin\n');
    return;
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://localhost');
  } catch {
    // `//` and other paths that are no URL: a bad request, never a crash.
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  if (url.pathname === '/__roundup/events') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  if (url.pathname !== '/' && url.pathname !== '/index.html') {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page());
}

/** The host of an Origin header; none for `null` or anything that is no URL. */
function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}

/** The page of an unchanged build, which the cache did not rewrite: the one HTML file in the preview's folder. */
function readFirstHtml(dir: string): string {
  return readdirSync(dir).find((name) => name.endsWith('.html')) ?? '';
}

/** `roundup preview`: serve until stopped, reporting every rebuild's findings. */
export async function previewCommand(
  folder: string,
  flags: { port?: number; host: string },
  { io, cwd, colorLevel }: CommandContext,
): Promise<number> {
  if (!isLoopback(flags.host))
    io.stderr.write(
      `roundup: warning: --host ${flags.host} is not a loopback address: other machines that reach it can read these drafts\n`,
    );
  const preview = await startPreview(folder, {
    cwd,
    port: flags.port,
    host: flags.host,
    onBuild: (result) => io.stderr.write(`${reportPretty(result.findings, { colorLevel })}${summaryLine(result.summary)}\n`),
  });
  if (flags.port === undefined && preview.port !== DEFAULT_PORT)
    io.stderr.write(`roundup: port ${DEFAULT_PORT} is in use; serving on port ${preview.port} instead\n`);
  io.stdout.write(`Preview at ${preview.url} (Ctrl-C to stop)\n`);
  await (io.until ?? new Promise<void>(() => {}));
  await preview.close();
  return 0;
}
