// The scripts a page has loaded so far, for tests that check what loads on demand: `holding(text)`
// names the ones whose source contains `text` (a message, or a key as a JSON string).
import type { Page } from '@playwright/test';

export function recordLoadedScripts(page: Page): (text: string) => Promise<string[]> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) scripts.set(response.url(), response.text());
  });
  return async (text) => {
    const texts = await Promise.all([...scripts].map(async ([url, source]) => [url, await source] as const));
    return texts.filter(([, source]) => source.includes(text)).map(([url]) => url);
  };
}
