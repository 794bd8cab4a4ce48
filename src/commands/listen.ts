import { isIPv4, isIPv6 } from 'node:net';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { UsageError } from '../util/errors.js';

/** Astro's default too, which is why a busy port is common: the next free one is taken unless a port was asked for. */
export const DEFAULT_PORT = 4321;
/** How many ports from the default are tried before giving up. */
const PORTS_TRIED = 20;

interface ListenRequest {
  /** Undefined: the default port, or the next free one after it. Given (0 for any free port): that port or an error. */
  port?: number;
  host: string;
}

/**
 * Listen on the requested port, or on the first free one from the default.
 * Everything that can go wrong here is the machine's state or the options,
 * never a bug: each becomes a UsageError (exit 2) that says what to change.
 */
export async function listenOnFreePort(server: Server, { port, host }: ListenRequest): Promise<number> {
  const first = port ?? DEFAULT_PORT;
  const last = port === undefined ? Math.min(first + PORTS_TRIED - 1, 65535) : first;
  for (let candidate = first; ; candidate++) {
    const error = await listenOnce(server, candidate, host);
    if (!error) {
      const address = server.address();
      return typeof address === 'object' && address ? address.port : candidate;
    }
    if (error.code !== 'EADDRINUSE' || candidate >= last)
      throw listenError(error, { port: candidate, host, explicit: port !== undefined, first });
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

function listenError(
  error: NodeJS.ErrnoException,
  { port, host, explicit, first }: { port: number; host: string; explicit: boolean; first: number },
): UsageError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new UsageError(
        explicit
          ? `port ${port} is in use; choose another with --port or stop what uses it`
          : `ports ${first}–${port} are all in use; choose another with --port (0 for any free port) or stop what uses them`,
      );
    case 'EACCES':
      return new UsageError(
        `no permission to listen on port ${port} (ports below 1024 need administrator rights); choose another with --port`,
      );
    case 'EADDRNOTAVAIL':
      return new UsageError(
        `cannot listen on ${host}: it is not an address of this machine; choose another with --host (default 127.0.0.1)`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new UsageError(`cannot listen on ${host}: no such host; choose another with --host (default 127.0.0.1)`);
    default:
      return new UsageError(`cannot listen on ${host} port ${port}: ${error.message}`);
  }
}

/** Whether only this machine can reach `host`: `localhost`, 127.0.0.0/8 or ::1. A name other than localhost may resolve anywhere. */
export function isLoopback(host: string): boolean {
  const name = unbracket(host).toLowerCase();
  if (name === 'localhost' || name === '::1') return true;
  const ipv4 = name.startsWith('::ffff:') ? name.slice('::ffff:'.length) : name;
  return isIPv4(ipv4) && ipv4.startsWith('127.');
}

/**
 * The names a request's Host (or Origin) may give, against DNS rebinding: the
 * loopback names and the address listened on; for every address (0.0.0.0, ::),
 * this machine's own addresses too (an address cannot be rebound, a name can).
 */
export function allowedHosts(listening: string): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', unbracket(listening).toLowerCase()];
  if (['0.0.0.0', '::'].includes(unbracket(listening))) {
    for (const addresses of Object.values(networkInterfaces()))
      for (const { address } of addresses ?? []) names.push(address.toLowerCase());
  }
  return new Set(names);
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), without port or brackets. */
export function hostName(header: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** The address as it goes in a URL: IPv6 in brackets. */
export const urlHost = (host: string) => (isIPv6(unbracket(host)) ? `[${unbracket(host)}]` : host);
