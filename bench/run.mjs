// npm run bench -- [--n 1000] [--runs 3] [--dir /tmp/roundup-bench] [--trees clean,real]
// Generates deterministic trees (clean, and realistic: ~8 findings per roundup), then times
// whole processes (median of --runs) and reports every figure as a ratio to floors and a
// baseline measured in the same run, with the peak memory of each step.
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
const trees = String(flag('trees', 'clean,real')).split(',');
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

for (const kind of trees)
  for (const n of sizes) {
    const tree = path.join(work, `${kind}-${n}`);
    process.stderr.write(`Generating ${n} ${kind} roundups in ${tree}…\n`);
    generateTree(tree, n, 1, { findings: kind === 'real' });
    const out = path.join(work, `out-${kind}-${n}`);
    const cacheDir = path.join(work, `cache-${kind}-${n}`);
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
    process.stderr.write(`Measuring the ${kind} tree at N = ${n} (${runs} runs each)…\n`);
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
    const checked = series(null, () => measure(process.execPath, [bin, 'check', tree, '--quiet']));
    results[`${kind}-${n}`] = { n, kind, floor, hashFloor, baseline, one, all, noop, changed, checked, bytesPerRoundup };
  }

const fmt = (seconds) => `${seconds.toFixed(2)} s`;
const signed = (value) => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(2)}`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mark = (ok) => (ok ? '✓' : '✗');
const lines = [];
lines.push(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${runs} runs, medians.`,
);
lines.push('');
const columns = trees.flatMap((kind) => sizes.map((n) => `${kind}-${n}`));
const label = (column) => `${column.startsWith('real') ? 'realistic' : 'clean'}, N = ${results[column].n}`;
const mib = (value) => `${value.toFixed(0)} MiB`;
lines.push(`| step | ${columns.map(label).join(' | ')} |`);
lines.push(`| --- | ${columns.map(() => '---').join(' | ')} |`);
const row = (name, cell) => lines.push(`| ${name} | ${columns.map((column) => cell(results[column])).join(' | ')} |`);
row('I/O floor (read inputs, write outputs)', (r) => `${fmt(r.floor.seconds)}, ${mib(r.floor.rss)}`);
row('rebuild floor (read and hash inputs)', (r) => `${fmt(r.hashFloor.seconds)}, ${mib(r.hashFloor.rss)}`);
row('baseline (gray-matter + remark-html, 1 thread)', (r) => `${fmt(r.baseline.seconds)}, ${mib(r.baseline.rss)}`);
row('build, cold, --jobs 1', (r) => `${fmt(r.one.seconds)} (${ratio(r.one.seconds, r.baseline.seconds)} baseline), ${mib(r.one.rss)}`);
row(
  `build, cold, --jobs ${cores}`,
  (r) => `${fmt(r.all.seconds)} (${ratio(r.one.seconds, r.all.seconds)} faster than --jobs 1), ${mib(r.all.rss)}`,
);
row('no-op rebuild', (r) => `${fmt(r.noop.seconds)} (${ratio(r.noop.seconds, r.hashFloor.seconds)} hash floor), ${mib(r.noop.rss)}`);
row('one expert changed', (r) => `${fmt(r.changed.seconds)} (${signed(r.changed.seconds - r.noop.seconds)} s), ${mib(r.changed.rss)}`);
row('check', (r) => `${fmt(r.checked.seconds)}, ${mib(r.checked.rss)}`);
row('time per roundup, cold --jobs 1', (r) => `${((r.one.seconds / r.n) * 1000).toFixed(2)} ms`);
lines.push('');
lines.push(
  `One roundup (the example): ${fmt(single.seconds)} = ${ratio(single.seconds, nodeStart.seconds)} \`node -e 0\` (${fmt(nodeStart.seconds)}); \`roundup --version\`: ${ratio(version.seconds, nodeStart.seconds)}.`,
);
lines.push('');
lines.push('Targets:');
for (const column of columns) {
  const r = results[column];
  const at = label(column);
  const peak = Math.max(r.one.rss, r.all.rss);
  lines.push(`- ${mark(peak <= 300)} ${at}: cold build peak ≤ 300 MiB: ${mib(peak)}`);
  lines.push(`- ${mark(r.checked.rss <= 300)} ${at}: check peak ≤ 300 MiB: ${mib(r.checked.rss)}`);
  lines.push(
    `- ${mark(r.noop.seconds <= 2 * r.hashFloor.seconds && r.noop.rss <= 150)} ${at}: no-op ≤ 2× the hash floor and ≤ 150 MiB: ${ratio(r.noop.seconds, r.hashFloor.seconds)}, ${mib(r.noop.rss)}`,
  );
  lines.push(
    `- ${mark(r.one.seconds <= (r.n >= 10000 ? 1.4 : 1.3) * r.baseline.seconds)} ${at}: --jobs 1 ≤ ${r.n >= 10000 ? '1.4' : '1.3'}× the baseline: ${ratio(r.one.seconds, r.baseline.seconds)}`,
  );
  if (r.n >= 10000)
    lines.push(
      `- ${mark(r.one.seconds >= 1.3 * r.all.seconds)} ${at}: --jobs ${cores} ≥ 1.3× faster than --jobs 1: ${ratio(r.one.seconds, r.all.seconds)}`,
    );
  const small = results[`${r.kind}-1000`];
  if (r.n === 10000 && small) {
    const [big, base] = [Math.max(r.one.rss, r.all.rss), Math.max(small.one.rss, small.all.rss)];
    lines.push(`- ${mark(big <= 1.2 * base)} ${r.kind}: peak at 10,000 ≤ 1.2× peak at 1,000: ${ratio(big, base)}`);
  }
}
lines.push(
  `- ${mark(single.seconds <= 3 * nodeStart.seconds)} one roundup ≤ 3× \`node -e 0\`: ${ratio(single.seconds, nodeStart.seconds)}`,
);
lines.push(
  `- ${mark(version.seconds <= 1.5 * nodeStart.seconds)} \`roundup --version\` ≤ 1.5× \`node -e 0\`: ${ratio(version.seconds, nodeStart.seconds)}`,
);
console.log(lines.join('\n'));
