import { describe, expect, test } from 'vitest';
import { deriveSlips, loadRealWorld, runRealWorld, score } from './benchmark.js';

/*
 * The real-world accuracy benchmark: expert lines as published articles
 * printed them (test/fixtures/real-world/, each article's URL beside its
 * lines), checked as roundups. `expect` on a line lists the rules that should
 * report on it. Set REAL_WORLD_REPORT=1 to print every finding and the table
 * that docs/rules.md quotes.
 */
describe('the real-world benchmark', () => {
  test('holds at least 300 lines from cited articles', () => {
    const articles = loadRealWorld().flatMap((set) => set.articles);
    expect(articles.every((article) => /^https?:\/\//.test(article.url))).toBe(true);
    expect(articles.reduce((sum, article) => sum + article.experts.length, 0)).toBeGreaterThanOrEqual(300);
  });

  test('warnings and errors are right at least 98 % of the time, and at least 95 % of the slips are reported, over all rules and per rule', async () => {
    // The real lines, and slips made on purpose from them (a swapped pair of letters, a dropped letter in a state).
    const real = await runRealWorld();
    const derived = await runRealWorld(deriveSlips());
    expect(derived.lines).toBeGreaterThanOrEqual(80);
    const scores = score([...real.outcomes, ...derived.outcomes]);
    if (process.env.REAL_WORLD_REPORT) {
      for (const outcome of [...real.outcomes, ...derived.outcomes.filter((row) => row.verdict !== 'tp')])
        console.log(`${outcome.verdict} ${outcome.rule} ${outcome.severity} | ${outcome.line} | ${outcome.message}`);
      console.log(`${real.lines} real lines, ${derived.lines} derived`);
      const table = (rows: ReturnType<typeof score>) =>
        rows.map((row) => ({ ...row, precision: row.precision.toFixed(3), recall: row.recall.toFixed(3) }));
      console.table(table(score(real.outcomes)));
      console.table(table(scores));
    }
    const all = scores.find((row) => row.rule === 'all')!;
    expect(all.precision, 'precision over all rules').toBeGreaterThanOrEqual(0.98);
    expect(all.recall, 'recall over all rules').toBeGreaterThanOrEqual(0.95);
    // A rule with a false alarm or a miss, by itself, shows in this list.
    const failing = scores.filter((row) => row.rule !== 'all' && (row.precision < 0.98 || row.recall < 0.95));
    expect(failing.map((row) => `${row.rule}: ${row.tp} right, ${row.fp} false alarms, ${row.fn} missed`)).toEqual([]);
  }, 120_000);
});
