// electron-builder.yml checked by electron-builder's own configuration validator (its JSON schema).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = load(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected when it carries an unknown option (the validator is really checking)', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), notAnOption: true }, new DebugLogger(false))).rejects.toThrow(/notAnOption|unknown property/i);
  });

  it('builds AppImage, deb, nsis and dmg, registers sip: and im:, and ships only an allowlist', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    expect((config.protocols as { schemes: string[] }[]).flatMap((p) => p.schemes)).toEqual(['sip', 'im']);
    const files = config.files as string[];
    expect(files.every((f) => f.startsWith('out/') || f.startsWith('assets/') || f === 'package.json' || f.startsWith('!'))).toBe(true);
    // The demo server's utility process runs the bundled CLI: it must ship.
    expect(files).toContain('out/cli/**');
  });

  it('flips the Electron fuses that close the doors around the app', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the fuses as electron-builder\'s schema does (a misspelt fuse is rejected, not ignored)', async () => {
    const misspelt = { ...structuredClone(config), electronFuses: { ...(config.electronFuses as object), runAsNodeX: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});

describe('Windows identity', () => {
  it('the installer\'s appId is the AppUserModelID the app sets, and its shortcut carries the product name Electron looks for', async () => {
    const { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } = await import('../../../src/main/platform/windows-identity');
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect((config.nsis as { shortcutName: string; createStartMenuShortcut: boolean; perMachine: boolean })).toMatchObject({ shortcutName: config.productName, createStartMenuShortcut: true, perMachine: false });
    expect(TOAST_ACTIVATOR_CLSID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  });
});
