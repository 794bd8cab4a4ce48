// npm run bench -- [--n 1000] [--runs 3] [--dir /tmp/roundup-bench]
// Generates a deterministic tree, then times whole processes (median of --runs) and
// reports every figure as a ratio to floors and a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const sizes = String(flag('n', '1000')).split(',').map(Number);
const runs = Number(flag('runs', '3'));
const work = path.resolve(flag('dir', '/tmp/roundup-bench'));
const cores = availableParallelism();
const bin = path.join(root, 'bin', 'roundup.js');
const hasTime = existsSync('/usr/bin/time');

/** Run a command as a whole process; wall seconds and peak RSS (MiB). */
function measure(command, commandArgs, options = {}) {
  const argv = hasTime ? ['-f', '%e %M', command, ...commandArgs] : commandArgs;
  const started = process.hrtime.bigint();
  const result = spawnSync(hasTime ? '/usr/bin/time' : command, argv, {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CI: 'true' },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${result.stderr}`);
  const rss = hasTime ? Number(result.stderr.trim().split('\n').at(-1).split(' ')[1]) / 1024 : NaN;
  return { seconds, rss };
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `runs` measurements of `step` (after `before` each time); medians. */
function series(before, step) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    before?.();
    samples.push(step());
  }
  return { seconds: median(samples.map((sample) => sample.seconds)), rss: Math.max(...samples.map((sample) => sample.rss)) };
}

const dirSize = (dir) => readdirSync(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);

const results = {};
const nodeStart = series(null, () => measure(process.execPath, ['-e', '0']));
const version = series(null, () => measure(process.execPath, [bin, '--version']));
const single = series(null, () =>
  measure(process.execPath, [bin, 'build', path.join(root, 'examples/therapists-cry'), '--out', path.join(work, 'single'), '--no-cache']),
);

for (const n of sizes) {
  const tree = path.join(work, `tree-${n}`);
  process.stderr.write(`Generating ${n} roundups in ${tree}…\n`);
  generateTree(tree, n);
  const out = path.join(work, `out-${n}`);
  const cacheDir = path.join(work, `cache-${n}`);
  const clean = () => {
    rmSync(out, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  };
  const roundup = (extra) =>
    measure(process.execPath, [
      bin,
      'build',
      tree,
      '--out',
      out,
      '--format',
      'html,json,text',
      '--cache-dir',
      cacheDir,
      '--quiet',
      ...extra,
    ]);
  process.stderr.write(`Measuring at N = ${n} (${runs} runs each)…\n`);
  const one = series(clean, () => roundup(['--jobs', '1']));
  const all = series(clean, () => roundup(['--jobs', String(cores)]));
  const bytesPerRoundup = Math.round(dirSize(out) / n);
  const floor = series(
    () => rmSync(path.join(work, 'floor'), { recursive: true, force: true }),
    () => measure(process.execPath, [path.join(here, 'floor-io.mjs'), tree, path.join(work, 'floor'), String(bytesPerRoundup)]),
  );
  const hashFloor = series(null, () => measure(process.execPath, [path.join(here, 'floor-hash.mjs'), tree]));
  const baseline = series(
    () => rmSync(path.join(work, 'baseline'), { recursive: true, force: true }),
    () => measure(process.execPath, [path.join(here, 'baseline.mjs'), tree, path.join(work, 'baseline')], { cwd: root }),
  );
  const noop = series(null, () => roundup(['--jobs', String(cores)]));
  const victim = path.join(tree, readdirSync(tree).sort()[0]);
  const victimFile = path.join(
    victim,
    readdirSync(victim).sort()[0],
    'experts',
    readdirSync(path.join(victim, readdirSync(victim).sort()[0], 'experts'))[0],
  );
  let edit = 0;
  const changed = series(
    () => writeFileSync(victimFile, `${readFileSync(victimFile, 'utf8')}\nEdit ${edit++}.\n`),
    () => roundup(['--jobs', String(cores)]),
  );
  results[n] = { n, floor, hashFloor, baseline, one, all, noop, changed, bytesPerRoundup };
}

const fmt = (seconds) => `${seconds.toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mark = (ok) => (ok ? '✓' : '✗');
const lines = [];
lines.push(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${runs} runs, medians.`,
);
lines.push('');
lines.push(`| step | ${sizes.map((n) => `N = ${n}`).join(' | ')} |`);
lines.push(`| --- | ${sizes.map(() => '---').join(' | ')} |`);
const row = (label, cell) => lines.push(`| ${label} | ${sizes.map((n) => cell(results[n])).join(' | ')} |`);
row('I/O floor (read inputs, write outputs)', (r) => fmt(r.floor.seconds));
row('rebuild floor (read and hash inputs)', (r) => fmt(r.hashFloor.seconds));
row('baseline (gray-matter + remark-html, 1 thread)', (r) => fmt(r.baseline.seconds));
row('roundup build, cold, --jobs 1', (r) => `${fmt(r.one.seconds)} (${ratio(r.one.seconds, r.baseline.seconds)} baseline)`);
row(`roundup build, cold, --jobs ${cores}`, (r) => `${fmt(r.all.seconds)} (${ratio(r.all.seconds, r.floor.seconds)} floor)`);
row('no-op rebuild', (r) => `${fmt(r.noop.seconds)} (${ratio(r.noop.seconds, r.hashFloor.seconds)} hash floor)`);
row('one expert changed', (r) => `${fmt(r.changed.seconds)} (+${(r.changed.seconds - r.noop.seconds).toFixed(2)} s)`);
row('peak RSS, cold --jobs 1 / all cores', (r) => `${r.one.rss.toFixed(0)} / ${r.all.rss.toFixed(0)} MiB`);
row('time per roundup, cold --jobs 1', (r) => `${((r.one.seconds / r.n) * 1000).toFixed(2)} ms`);
lines.push('');
lines.push(
  `One roundup (the example): ${fmt(single.seconds)} = ${ratio(single.seconds, nodeStart.seconds)} \`node -e 0\` (${fmt(nodeStart.seconds)}); \`roundup --version\`: ${ratio(version.seconds, nodeStart.seconds)}.`,
);
lines.push('');
lines.push('Targets:');
for (const n of sizes) {
  const r = results[n];
  if (n >= 10000)
    lines.push(
      `- ${mark(r.all.seconds <= 10 * r.floor.seconds)} N = ${n}: cold build ≤ 10× the I/O floor: ${ratio(r.all.seconds, r.floor.seconds)}`,
    );
  if (n === 1000)
    lines.push(
      `- ${mark(r.one.seconds <= 1.15 * r.baseline.seconds)} N = ${n}: --jobs 1 ≤ 1.15× the baseline: ${ratio(r.one.seconds, r.baseline.seconds)}`,
    );
  lines.push(
    `- ${mark(r.noop.seconds <= 2 * r.hashFloor.seconds)} N = ${n}: no-op rebuild ≤ 2× the hash floor: ${ratio(r.noop.seconds, r.hashFloor.seconds)}`,
  );
  lines.push(
    `- ${mark(r.changed.seconds - r.noop.seconds <= 0.1)} N = ${n}: one change ≤ no-op + 0.1 s: +${(r.changed.seconds - r.noop.seconds).toFixed(2)} s`,
  );
  lines.push(
    `- ${mark(Math.max(r.one.rss, r.all.rss) <= 300)} N = ${n}: peak memory ≤ 300 MiB: ${Math.max(r.one.rss, r.all.rss).toFixed(0)} MiB`,
  );
}
if (results[1000] && results[10000]) {
  lines.push(
    `- ${mark(results[10000].one.rss <= 1.2 * results[1000].one.rss)} peak at 10,000 ≤ 1.2× peak at 1,000: ${ratio(results[10000].one.rss, results[1000].one.rss)}`,
  );
  lines.push(
    `- ${mark(results[10000].one.seconds / 10000 <= 1.1 * (results[1000].one.seconds / 1000))} time per roundup at 10,000 ≤ 1.1× at 1,000: ${ratio(results[10000].one.seconds / 10000, results[1000].one.seconds / 1000)}`,
  );
}
lines.push(
  `- ${mark(single.seconds <= 3 * nodeStart.seconds)} one roundup ≤ 3× \`node -e 0\`: ${ratio(single.seconds, nodeStart.seconds)}`,
);
lines.push(
  `- ${mark(version.seconds <= 1.5 * nodeStart.seconds)} \`roundup --version\` ≤ 1.5× \`node -e 0\`: ${ratio(version.seconds, nodeStart.seconds)}`,
);
console.log(lines.join('\n'));
