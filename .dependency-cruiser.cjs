// The layers of src/, lowest first: a folder imports only from itself and the
// folders before it. src/cli.ts and src/index.ts sit on top of all of them.
const LAYERS = ['util', 'data', 'schema', 'markdown', 'load', 'model', 'check', 'render', 'report', 'engine', 'commands', 'cli'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, index) => ({
      name: `layer-${layer}`,
      comment: `src/${layer}/ imports only from ${LAYERS.slice(0, index + 1).join(', ')}; move the shared code down a layer instead.`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/` },
    })),
    {
      name: 'entry-points-on-top',
      comment: 'src/cli.ts and src/index.ts are entry points: nothing in src/ imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/(cli|index)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'A file-level import cycle: break it by moving the shared part into a lower module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API to parse with; swc reads the sources, type-only imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.json$' },
  },
};
