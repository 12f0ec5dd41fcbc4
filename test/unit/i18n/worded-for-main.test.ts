// Text that main builds as catalog keys and a page words (the doctor, the settings-file notice) is
// not in the pages' code, so the build keeps it by prefix: every such key main names must fall
// under one, or the page would show the bare key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORDED_FOR_MAIN } from '../../../src/shared/i18n/window-catalog';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('keys main sends for pages to word', () => {
  it('each key main passes to said() is kept in the page catalogs', () => {
    const keys = sources('src/main').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bsaid\('([\w.]+)'/g)].map((m) => m[1] ?? ''));
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((key) => !WORDED_FOR_MAIN.some((prefix) => key.startsWith(prefix)))).toEqual([]);
  });
});
