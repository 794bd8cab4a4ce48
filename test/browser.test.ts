/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../src/index.js';
import { EXAMPLE, ROOT, tempDir } from './helpers.js';

/*
 * The example's page in a real browser: Debian's Chromium driven by
 * playwright-core (.ci/run installs it; scripts/ensure-browser.sh tells how).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

let browser: Browser;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run scripts/ensure-browser.sh (apt-get install chromium), or set CHROMIUM_PATH.`);
  const out = tempDir();
  await build({ paths: [EXAMPLE], cwd: ROOT, outDir: out, formats: ['html'] });
  url = `file://${path.join(out, 'therapists-cry.html')}`;
  // The flags keep Chromium off the network, which this machine does not have.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the example page in Chromium', () => {
  test('loads with no console errors and no failed requests', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    await page.goto(url);
    expect(await page.title()).toBe('Is It Normal for Therapists to Cry In Front of Patients?');
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  test('axe-core finds no accessibility violations', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    await page.close();
  }, 30_000);

  test('the heading outline is the title, then one heading per expert', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) =>
      nodes.map((node) => `${node.tagName.toLowerCase()} ${node.textContent}`),
    );
    expect(headings).toEqual([
      'h1 Is It Normal for Therapists to Cry In Front of Patients?',
      'h2 Katie Lear, LCMHC, RPT, RDT',
      'h2 David Fornos, MA',
      'h2 Julia Katzman, LMSW',
      'h2 Natalie Moore, LMFT',
      'h2 Anne ‘Kip” Rodgers Watson, LPC-S, CHPC',
      'h2 Nick Bognar, LMFT',
    ]);
    expect(await page.$$eval('section[aria-labelledby]', (nodes) => nodes.length)).toBe(6);
    await page.close();
  }, 30_000);

  test.each([375, 1280])(
    'reads well %ipx wide: no sideways scrolling, body text at least 16px, lines of at most 80 characters',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(url);
      const layout = await page.evaluate(() => {
        const paragraph = document.querySelector('.answer p')!;
        const style = getComputedStyle(paragraph);
        const characterWidth = parseFloat(style.fontSize) * 0.5;
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          fontSize: parseFloat(style.fontSize),
          charactersPerLine: paragraph.getBoundingClientRect().width / characterWidth,
          lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        };
      });
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.fontSize).toBeGreaterThanOrEqual(16);
      expect(layout.lineHeight).toBeGreaterThanOrEqual(1.4);
      expect(layout.charactersPerLine).toBeLessThanOrEqual(90);
      const screenshot = await page.screenshot({ fullPage: false });
      expect(screenshot.length).toBeGreaterThan(10_000);
      // Kept for the README; a CI clone has no use for them.
      if (!process.env.CI) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        writeFileSync(path.join(SCREENSHOTS, `therapists-cry-${width}.png`), screenshot);
      }
      await page.close();
    },
    30_000,
  );
});
