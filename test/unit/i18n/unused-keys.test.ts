// Every message in the catalogs is shown somewhere: a key that no source file names is dead text
// that translators would keep paying for. Keys are only ever written out whole ('area.name').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishCatalog } from '../../../src/shared/i18n/index.js';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const CATALOGS = join(SRC, 'shared', 'i18n', 'catalogs');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === CATALOGS ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('message catalogs', () => {
  it('have no key that no source file uses', () => {
    const code = sources(SRC).join('\n');
    const unused = Object.keys(englishCatalog).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
