import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, test } from 'vitest';
import { allowedHosts, DEFAULT_PORT, hostName, isLoopback, listenOnFreePort } from '../src/commands/listen.js';
import { UsageError } from '../src/util/errors.js';
import { BIN, makeRoundup, minimalExpert } from './helpers.js';

const held: NetServer[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Take a port (0: any) on 127.0.0.1; a port something else already holds is just as busy. */
async function occupy(port: number): Promise<number> {
  const server = createServer();
  const taken = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (!taken) return port;
  held.push(server);
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** The status of a request for the page with this Host header. */
function statusFor(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: new URL(url).port, path: '/', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

/** Start `roundup preview`, wait for its URL, and give what it said and the status for each Host; the process is stopped after. */
async function startPreview(args: string[], hosts: string[] = []) {
  const dir = makeRoundup({ experts: { 'jane-doe': minimalExpert('Jane Doe', 'location: Austin, Texas\n') } });
  const child = spawn(process.execPath, [BIN, 'preview', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += String(data)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (data: Buffer) => {
        const match = /Preview at (http:\/\/\S+\/)/.exec(String(data));
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)));
    });
    const page = await fetch(url).then((response) => response.status);
    const statuses = await Promise.all(hosts.map((host) => statusFor(url, host)));
    return { url, stderr, page, statuses };
  } finally {
    child.kill('SIGINT');
  }
}

const previewSync = (args: string[]) => {
  const dir = makeRoundup();
  const result = spawnSync(process.execPath, [BIN, 'preview', dir, ...args], { encoding: 'utf8', timeout: 30_000 });
  return [result.status, result.stdout, result.stderr];
};

describe('roundup preview on a busy port', () => {
  test(`the default port ${DEFAULT_PORT} taken: it serves on the next free one and says which`, async () => {
    await occupy(DEFAULT_PORT);
    const { url, stderr, page } = await startPreview([]);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(DEFAULT_PORT);
    expect(port).toBeLessThan(DEFAULT_PORT + 20);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect(stderr).toContain(`roundup: port ${DEFAULT_PORT} is in use; serving on port ${port} instead\n`);
    expect(page).toBe(200);
  }, 60_000);

  test('a port given with --port and taken: a clear error, exit 2, at once and without building', async () => {
    const busy = await occupy(0);
    expect(previewSync(['--port', String(busy)])).toEqual([
      2,
      '',
      `roundup: port ${busy} is in use; choose another with --port or stop what uses it\n`,
    ]);
  }, 60_000);

  test('a host that is no address of this machine, or no host at all: exit 2, never an internal error', () => {
    const [code, stdout, stderr] = previewSync(['--port', '0', '--host', '192.0.2.1']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('roundup: cannot listen on 192.0.2.1: it is not an address of this machine; choose another with --host');
    expect(stderr).not.toContain('internal error');
    const [nameCode, , nameError] = previewSync(['--port', '0', '--host', 'no-such-host.invalid']);
    expect(nameCode).toBe(2);
    expect(nameError).toMatch(/roundup: cannot listen on no-such-host\.invalid: no such host; choose another with --host/);
  }, 60_000);
});

describe('roundup preview --host', () => {
  test('a loopback host says nothing more; another host warns, and the Host checks follow it', async () => {
    const local = await startPreview(['--port', '0', '--host', 'localhost']);
    expect(local.stderr).not.toContain('warning: --host');
    expect(local.page).toBe(200);

    const ipv4 = Object.values(networkInterfaces()).flatMap((addresses) => addresses?.filter(({ family }) => family === 'IPv4') ?? []);
    const own = ipv4.filter(({ internal }) => !internal).concat(ipv4);
    const everywhere = await startPreview(['--port', '0', '--host', '0.0.0.0'], ['0.0.0.0', own[0]!.address, 'evil.example']);
    expect(everywhere.stderr).toContain(
      'roundup: warning: --host 0.0.0.0 is not a loopback address: other machines that reach it can read these drafts\n',
    );
    expect(everywhere.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    expect(everywhere.page).toBe(200);
    expect(everywhere.statuses).toEqual([200, 200, 403]);
  }, 60_000);

  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5', false],
    ['my-laptop.local', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  test('the Host names a preview answers to: loopback names, the address listened on, and for 0.0.0.0 this machine’s addresses', () => {
    expect(hostName('127.0.0.1:4321')).toBe('127.0.0.1');
    expect(hostName('[::1]:4321')).toBe('::1');
    expect(hostName('[fe80::1]')).toBe('fe80::1');
    expect(hostName('Example.COM')).toBe('example.com');
    expect([...allowedHosts('127.0.0.1')].sort()).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect(allowedHosts('192.168.1.5').has('192.168.1.5')).toBe(true);
    expect(allowedHosts('[fe80::1]').has('fe80::1')).toBe(true);
    const own = Object.values(networkInterfaces()).flatMap((addresses) => addresses?.map(({ address }) => address) ?? []);
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(allowedHosts('0.0.0.0').has(address.toLowerCase())).toBe(true);
    expect(allowedHosts('0.0.0.0').has('evil.example')).toBe(false);
  });
});

describe('listening (a scripted server, for what a test machine cannot arrange)', () => {
  /** A server whose listen fails with the given codes in turn, then succeeds. */
  const scripted = (codes: string[]) => {
    const tried: number[] = [];
    const server = Object.assign(new EventEmitter(), {
      listen(port: number, _host: string, listening: () => void) {
        tried.push(port);
        const code = codes.shift();
        if (code) setImmediate(() => server.emit('error', Object.assign(new Error(`listen ${code}`), { code })));
        else setImmediate(listening);
      },
      address: () => ({ port: tried.at(-1) }),
    });
    return { server: server as unknown as Server, tried };
  };

  test('the default port and the next ones busy: the first free one', async () => {
    const { server, tried } = scripted(['EADDRINUSE', 'EADDRINUSE']);
    expect(await listenOnFreePort(server, { host: '127.0.0.1' })).toBe(DEFAULT_PORT + 2);
    expect(tried).toEqual([DEFAULT_PORT, DEFAULT_PORT + 1, DEFAULT_PORT + 2]);
  });

  test('twenty ports busy: it stops and says which', async () => {
    const { server, tried } = scripted(Array(25).fill('EADDRINUSE'));
    await expect(listenOnFreePort(server, { host: '127.0.0.1' })).rejects.toEqual(
      new UsageError(
        `ports ${DEFAULT_PORT}–${DEFAULT_PORT + 19} are all in use; choose another with --port (0 for any free port) or stop what uses them`,
      ),
    );
    expect(tried).toHaveLength(20);
  });

  test.each([
    ['EACCES', 80, 'no permission to listen on port 80 (ports below 1024 need administrator rights); choose another with --port'],
    [
      'EADDRNOTAVAIL',
      8080,
      'cannot listen on 127.0.0.1: it is not an address of this machine; choose another with --host (default 127.0.0.1)',
    ],
    ['ENOTFOUND', 8080, 'cannot listen on 127.0.0.1: no such host; choose another with --host (default 127.0.0.1)'],
    ['EAFNOSUPPORT', 8080, 'cannot listen on 127.0.0.1 port 8080: listen EAFNOSUPPORT'],
  ])('%s on a port given: a usage error, tried once', async (code, port, message) => {
    const { server, tried } = scripted([code]);
    await expect(listenOnFreePort(server, { port, host: '127.0.0.1' })).rejects.toEqual(new UsageError(message));
    expect(tried).toEqual([port]);
  });
});
