import { afterEach, describe, expect, test, vi } from 'vitest';
import { build, check } from '../../src/engine/run.js';
import { condenseRoundup } from '../../src/model/condense.js';
import { buildRoundup } from '../../src/model/roundup.js';
import { readRoundup } from '../../src/load/roundup.js';
import { EXAMPLE, ROOT } from '../helpers.js';

/*
 * Each expensive step is a function of its own module, counted through a spy
 * on that module: Markdown to HTML, the page to HTML, parsing Markdown, and
 * the reference-data lookups.
 */
vi.mock('../../src/markdown/to-html.js', async (original) => {
  const actual = await original<typeof import('../../src/markdown/to-html.js')>();
  return { ...actual, markdownToHtml: vi.fn(actual.markdownToHtml) };
});
vi.mock('hast-util-to-html', async (original) => {
  const actual = await original<typeof import('hast-util-to-html')>();
  return { ...actual, toHtml: vi.fn(actual.toHtml) };
});
vi.mock('../../src/markdown/render.js', async (original) => {
  const actual = await original<typeof import('../../src/markdown/render.js')>();
  return { ...actual, renderMarkdown: vi.fn(actual.renderMarkdown) };
});
vi.mock('../../src/data/locations.js', async (original) => {
  const actual = await original<typeof import('../../src/data/locations.js')>();
  return { ...actual, resolveLocation: vi.fn(actual.resolveLocation) };
});
vi.mock('../../src/data/credential-meaning.js', async (original) => {
  const actual = await original<typeof import('../../src/data/credential-meaning.js')>();
  return { ...actual, resolveCredentials: vi.fn(actual.resolveCredentials) };
});

const { markdownToHtml } = vi.mocked(await import('../../src/markdown/to-html.js'));
const { toHtml } = vi.mocked(await import('hast-util-to-html'));
const { renderMarkdown } = vi.mocked(await import('../../src/markdown/render.js'));
const { resolveLocation } = vi.mocked(await import('../../src/data/locations.js'));
const { resolveCredentials } = vi.mocked(await import('../../src/data/credential-meaning.js'));

afterEach(() => vi.clearAllMocks());

const EXPERTS = 6;

describe('roundup check serializes no HTML', () => {
  test('check on the example: no Markdown or page becomes HTML', async () => {
    const result = await check({ paths: [EXAMPLE], cwd: ROOT });
    expect(result.roundups).toHaveLength(1);
    expect(markdownToHtml).not.toHaveBeenCalled();
    expect(toHtml).not.toHaveBeenCalled();
  });

  test('build --format json text md: the JSON carries the HTML, text and md do not', async () => {
    await build({ paths: [EXAMPLE], formats: ['text', 'md'], cwd: ROOT, write: false });
    expect(markdownToHtml).not.toHaveBeenCalled();
    await build({ paths: [EXAMPLE], formats: ['json'], cwd: ROOT, write: false });
    // The answers, the intro and the call to action, each once.
    expect(markdownToHtml).toHaveBeenCalledTimes(EXPERTS + 2);
  });

  test('build --format html: each Markdown once, and the page', async () => {
    await build({ paths: [EXAMPLE], formats: ['html', 'json'], cwd: ROOT, write: false });
    expect(markdownToHtml).toHaveBeenCalledTimes(EXPERTS + 2);
    expect(toHtml).toHaveBeenCalledTimes(1);
  });
});

describe('each fact computed once', () => {
  test('check: one location resolution and one credential lookup per expert, one parse per Markdown', async () => {
    await check({ paths: [EXAMPLE], cwd: ROOT });
    expect(resolveLocation).toHaveBeenCalledTimes(EXPERTS);
    expect(resolveCredentials).toHaveBeenCalledTimes(EXPERTS);
    expect(renderMarkdown).toHaveBeenCalledTimes(EXPERTS + 2);
  });
});

describe('condensing parses each answer once', () => {
  test('only the condensed answers are parsed, each once; no sentence is', async () => {
    const loaded = await readRoundup(EXAMPLE, { cwd: ROOT });
    const roundup = buildRoundup(loaded, 'therapists-cry');
    renderMarkdown.mockClear();
    const budgets = new Map(roundup.experts.map((expert) => [expert.id, 60]));
    const condensed = condenseRoundup(roundup, { budgets });
    const cut = condensed.experts.filter((expert) => expert.condensed);
    expect(cut.length).toBeGreaterThan(0);
    expect(renderMarkdown).toHaveBeenCalledTimes(cut.length);
    expect(renderMarkdown.mock.calls.map(([markdown]) => markdown)).toEqual(cut.map((expert) => expert.answer.markdown));
    for (const expert of cut) expect(expert.condensed!.words).toBeLessThanOrEqual(60);
  });
});
