// The renderer in real Chromium, on a generated model (the in-page fake bridge): time until a
// 10,000-message conversation shows its newest message, time per keystroke when filtering 5,000
// contacts, and the JavaScript each window loads, gzipped. Prints figures; never fails on speed.
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../src/dev/static-files';
import { installFakeBridge } from '../test/browser/support/fake-bridge';
import type { FakeModel } from '../test/browser/support/fake-bridge';
import { median, ms, percentile } from './stats';

const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every JavaScript and CSS file the build wrote, gzipped (shared chunks exist once). */
async function fileSizes(): Promise<Map<string, number>> {
  const files = (await readdir(rendererDir)).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const sizes = new Map<string, number>();
  console.log('renderer JavaScript and CSS per file (minified / gzipped; chunk-* are shared by the windows or loaded on demand):');
  for (const f of files) {
    const bytes = await readFile(join(rendererDir, f));
    const gz = gzipSync(bytes, { level: 9 }).length;
    sizes.set(f, gz);
    console.log(`  ${f.padEnd(22)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KiB / ${(gz / 1024).toFixed(1).padStart(5)} KiB`);
  }
  return sizes;
}

const PAGE_URLS = ['popup.html', 'chat.html?conversation=c1', 'settings.html', 'sign-in.html', 'quick-reply.html?conversation=c1'];

/**
 * The JavaScript files the five windows really load in one language, as the app runs them (the
 * preload's bridge, here the in-page fake): each page opened in Chromium until it has rendered, the
 * script responses recorded, their union counted once. Language catalogs and the dev host's socket
 * bridge are chunks loaded on demand, so the set differs by language.
 */
async function filesLoaded(origin: string, locale: 'en' | 'de'): Promise<Set<string>> {
  const browser = await launch();
  const loaded = new Set<string>();
  for (const url of PAGE_URLS) {
    const page = await browser.newPage({ viewport: { width: 420, height: 560 } });
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname.slice(1);
      if (path.endsWith('.js')) loaded.add(path);
    });
    await page.addInitScript(installFakeBridge, { messages: 20, contacts: 10, locale });
    await page.goto(`${origin}/${url}`);
    // Polled from here: the pages' CSP forbids the string evaluation waitForFunction would use.
    // The page's lang changes once its catalog is in (the fake's settings are too thin for the
    // settings page to render, but it has loaded its code by then); then no request for 500 ms.
    const inLanguage = `document.documentElement.lang === ${JSON.stringify(locale)}`;
    const deadline = Date.now() + 10_000;
    while (!(await page.evaluate<boolean>(inLanguage)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  await browser.close();
  return loaded;
}

/**
 * What the sign-in page loads only after a round trip (the connection check's report, the proxy's
 * question, the words of errors), so opening the windows does not: each action
 * in a fresh sign-in page (signed out), the JavaScript it loads beyond the page's own.
 */
const ON_DEMAND: readonly { readonly what: string; readonly act: (page: Page) => Promise<void> }[] = [
  {
    what: 'loaded when the connection check runs',
    act: async (page) => {
      await page.locator('input[name="user"]').fill('ana@contoso.com');
      await page.locator('.doctor-head button').click();
      await page.locator('.doctor-steps').waitFor();
    },
  },
  {
    what: 'loaded when a proxy asks for a password',
    act: async (page) => {
      await page.locator('input[name="user"]').fill('ana@contoso.com');
      await page.locator('input[name="password"]').fill('secret');
      await page.locator('form button[type="submit"]').first().click();
      await page.locator('.proxy-credentials').waitFor();
    },
  },
  {
    what: 'loaded when a window first shows an error',
    act: async (page) => {
      await page.locator('.demo button').click();
      await page.locator('.form-error').waitFor();
    },
  },
];

async function filesLoadedOnDemand(origin: string, locale: 'en' | 'de', act: (page: Page) => Promise<void>): Promise<Set<string>> {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 420, height: 560 } });
  const loaded = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname.slice(1);
    if (path.endsWith('.js')) loaded.add(path);
  });
  await page.addInitScript(installFakeBridge, { messages: 0, contacts: 0, locale, signedOut: true });
  await page.goto(`${origin}/sign-in.html`);
  await page.locator('input[name="user"]').waitFor();
  await page.waitForLoadState('networkidle');
  const before = new Set(loaded);
  await act(page);
  await page.waitForLoadState('networkidle');
  await browser.close();
  return new Set([...loaded].filter((file) => !before.has(file)));
}

/** All windows' JavaScript, gzipped, in the language that loads the most; every file when no browser measures it. */
export async function benchRendererSize(origin: string | undefined): Promise<number | undefined> {
  if (!existsSync(rendererDir)) {
    console.log('renderer size: skipped (run npm run build first)');
    return undefined;
  }
  const sizes = await fileSizes();
  const sum = (files: Iterable<string>): number => [...files].reduce((total, f) => total + (sizes.get(f) ?? 0), 0) / 1024;
  const every = sum([...sizes.keys()].filter((f) => f.endsWith('.js')));
  console.log(`  every JavaScript file built, gzipped: ${every.toFixed(1)} KiB (incl. each language's catalog and the dev host's socket bridge)`);
  if (origin === undefined) return every;
  let heaviest = 0;
  for (const locale of ['en', 'de'] as const) {
    const files = await filesLoaded(origin, locale);
    const total = sum(files);
    heaviest = Math.max(heaviest, total);
    console.log(`  all five windows' JavaScript as loaded in ${locale}, gzipped (shared chunks once): ${total.toFixed(1)} KiB (${(total * 1024).toFixed(0)} bytes, ${files.size} files)`);
    for (const { what, act } of ON_DEMAND) {
      const more = await filesLoadedOnDemand(origin, locale, act);
      const late = [...more].filter((file) => files.has(file));
      // Not counted above, since opening the windows does not load them.
      console.log(`    on demand, ${what} (${locale}): ${sum([...more].filter((file) => !files.has(file))).toFixed(1)} KiB gzipped (${more.size - late.length} files)${late.length === 0 ? '' : `; ${late.length} more that another window loads anyway`}`);
    }
  }
  return heaviest;
}

/** ms from navigation start until the newest message is on screen. */
async function openChat(page: Page, origin: string, model: FakeModel): Promise<number> {
  await page.addInitScript(installFakeBridge, model);
  await page.goto(`${origin}/chat.html?conversation=c1`);
  const last = JSON.stringify(`message ${model.messages - 1}:`);
  // In-page code as a string: this file is type-checked for Node, without the DOM's types.
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const found = [...document.querySelectorAll('.message')].some((m) => m.textContent.includes(${last}));
      if (found) requestAnimationFrame(() => resolve(performance.now()));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/** Each variant's median, the variants taking turns in ONE browser (rotating which goes first). */
async function chatFirstPaints(origin: string, models: readonly FakeModel[], runs: number): Promise<number[]> {
  const browser = await launch();
  const times: number[][] = models.map(() => []);
  // A first, unmeasured open: the browser's caches and compiled code warm for every variant alike.
  const warm = await browser.newPage({ viewport: { width: 420, height: 560 } });
  await openChat(warm, origin, models[0] as FakeModel);
  await warm.close();
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < models.length; k++) {
      const index = (run + k) % models.length;
      const page = await browser.newPage({ viewport: { width: 420, height: 560 } });
      (times[index] as number[]).push(await openChat(page, origin, models[index] as FakeModel));
      await page.close();
    }
  }
  await browser.close();
  return times.map((t) => median(t));
}

async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  // tsx compiles this file with esbuild's keepNames, so functions sent into the page call a
  // `__name` helper that exists only in Node; give the page a no-op one.
  const context = await browser.newContext();
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return { newPage: async (options: { viewport: { width: number; height: number } }) => { const page = await context.newPage(); await page.setViewportSize(options.viewport); return page; }, close: () => browser.close() };
}

async function keystrokeTimes(origin: string, contacts: number): Promise<{ work: number[]; frame: number[] }> {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 360, height: 560 } });
  await page.addInitScript(installFakeBridge, { messages: 0, contacts });
  await page.goto(`${origin}/popup.html`);
  await page.getByRole('searchbox').waitFor();
  // Each keystroke: the work (input event to DOM updated: filter, diff, DOM) and the time to the
  // next frame. In-page code as a string: this file is type-checked for Node, without the DOM's types.
  const queries = JSON.stringify(['d', 'da', 'dan', 'dana', 'dana ', 'dana k', 'dana ki', 'dana kim', 'e', 'en', 'eng', 'engi', 'engin', 'o', 'om', 'oma', 'omar', 'omar 1', 'omar 12', '']);
  const times = await page.evaluate<{ work: number[]; frame: number[] }>(`(async () => {
    const box = document.querySelector('input[type="search"]');
    const work = [];
    const frame = [];
    for (const query of ${queries}) {
      const start = performance.now();
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      work.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      frame.push(performance.now() - start);
    }
    return { work, frame };
  })()`);
  await browser.close();
  return times;
}

export async function benchRenderer(runs: number): Promise<{ rendererTotalGzipKb?: number; chatOpen10kVs100?: number; chatOpen10kOnePageVs100?: number }> {
  if (!existsSync(CHROMIUM) || !existsSync(join(rendererDir, 'chat.html'))) {
    const total = await benchRendererSize(undefined);
    console.log(`renderer timings: skipped (${existsSync(CHROMIUM) ? 'run npm run build first' : `no Chromium at ${CHROMIUM}; apt-get install chromium`})`);
    return total === undefined ? {} : { rendererTotalGzipKb: total };
  }
  const server = createServer((req, res) => void serveStatic(rendererDir, new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const total = await benchRendererSize(origin);
    const size = total === undefined ? {} : { rendererTotalGzipKb: total };
    const [small = 0, whole = 0, paged = 0] = await chatFirstPaints(origin, [{ messages: 100, contacts: 10 }, { messages: 10_000, contacts: 10, pageSize: 10_000 }, { messages: 10_000, contacts: 10 }], runs);
    console.log(`chat window, navigation to newest message painted (median of ${runs}, variants interleaved in one browser):`);
    console.log(`  100 messages                         ${ms(small)}`);
    console.log(`  10,000 messages, paged (100 a page)  ${ms(paged)}  (${(paged / small).toFixed(2)}x; as the app opens a chat: the newest page first)`);
    console.log(`  10,000 messages in one page          ${ms(whole)}  (${(whole / small).toFixed(2)}x; virtualised list, all 10,000 in memory)`);

    const times = await keystrokeTimes(origin, 5_000);
    console.log('popup search over 5,000 contacts, per keystroke (20 keystrokes):');
    console.log(`  input to DOM updated   median ${ms(median(times.work))}, p95 ${ms(percentile(times.work, 95))}, max ${ms(Math.max(...times.work))}`);
    console.log(`  input to next frame    median ${ms(median(times.frame))}, p95 ${ms(percentile(times.frame, 95))}, max ${ms(Math.max(...times.frame))}  (a frame is 16.7 ms at 60 Hz)`);
    return { ...size, chatOpen10kVs100: paged / small, chatOpen10kOnePageVs100: whole / small };
  } finally {
    server.close();
  }
}
