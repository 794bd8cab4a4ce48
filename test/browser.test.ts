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

describe('the first-appointment example in Chromium: pictures, a dek, the question, answer headings', () => {
  let page2: string;
  beforeAll(async () => {
    const out = tempDir();
    await build({ paths: [path.join(ROOT, 'examples/first-appointment')], cwd: ROOT, outDir: out, formats: ['html'] });
    page2 = `file://${path.join(out, 'first-appointment.html')}`;
  });

  test('every picture loads with its size, alt text and credit; nothing fails; axe-core finds no violations', async () => {
    // Tall enough that every lazy picture is in view and loads.
    const page = await browser.newPage({ viewport: { width: 375, height: 4000 } });
    const problems: string[] = [];
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(page2, { waitUntil: 'load' });
    await page.$$eval('img', (images) => Promise.all(images.map((image) => image.decode())));
    const pictures = await page.$$eval('figure', (figures) =>
      figures.map((figure) => {
        const image = figure.querySelector('img')!;
        return {
          loaded: image.naturalWidth > 0,
          sized: image.hasAttribute('width') && image.hasAttribute('height'),
          alt: image.alt.length > 0,
          caption: figure.querySelector('figcaption')?.textContent ?? null,
        };
      }),
    );
    expect(pictures).toHaveLength(4);
    expect(pictures.every((picture) => picture.loaded && picture.sized && picture.alt)).toBe(true);
    expect(pictures.every((picture) => picture.caption === 'Illustration made for roundup')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  test('the outline is title, then each expert, then the answer headings under them', async () => {
    const page = await browser.newPage();
    await page.goto(page2);
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) =>
      nodes.map((node) => `${node.tagName.toLowerCase()} ${node.textContent}`),
    );
    expect(headings).toEqual([
      'h1 Before the First Appointment',
      'h2 Dr. Rosa Delgado (she/her), PhD, LP',
      'h3 Write down why you are coming',
      'h3 Questions are welcome',
      'h2 Samuel Okafor (he/him), LISW',
      'h3 Sort out the practical things early',
      'h2 Mei-Lin Hart, MA, LMHC',
      'h3 Plan something kind for afterwards',
    ]);
    expect(await page.textContent('.dek')).toBe(
      'Three clinicians on the week before a first therapy session, and what to bring through the door.',
    );
    expect(await page.textContent('.question')).toBe(
      'The question: What should someone do in the week before their first therapy appointment?',
    );
    await page.close();
  }, 30_000);
});
