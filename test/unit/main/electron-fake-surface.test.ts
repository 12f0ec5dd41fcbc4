// The Electron fake may not invent. Read with the TypeScript compiler from the installed
// electron.d.ts: every member the fake offers exists on the real type (static where static) or
// is a declared test control; every event it can emit exists, on the platforms Electron's docs
// give (@platform tags); every platform-only method throws elsewhere, as an undefined property
// would. Bumping Electron re-runs all of this against the new typings.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fake from '../../fakes/electron/index';
import type { FakePlatform } from '../../fakes/electron/index';

const require = createRequire(import.meta.url);
const ELECTRON_DTS = join(dirname(require.resolve('electron/package.json')), 'electron.d.ts');
const FAKE_INDEX = resolve(import.meta.dirname, '../../fakes/electron/index.ts');

/**
 * Platform facts that Electron's docs state but its d.ts generator drops, each with its source.
 * docs/api/notification.md: "Event: 'action' _macOS_ _Windows_" (and structures/notification-action.md:
 * buttons on macOS and Windows only); the d.ts's `on('action')` carries no tag.
 */
const DOCS_PLATFORMS: Readonly<Record<string, readonly FakePlatform[]>> = { 'Notification.action': ['darwin', 'win32'] };

interface RealSurface {
  checker: ts.TypeChecker;
  exports: Map<string, ts.Symbol>;
}

let real: RealSurface;
let fakeExports: Map<string, ts.Symbol>;

beforeAll(() => {
  const program = ts.createProgram({
    rootNames: [FAKE_INDEX, ELECTRON_DTS],
    options: { strict: true, target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const electron = checker.getAmbientModules().find((m) => m.name === '"electron"');
  const fakeFile = program.getSourceFile(FAKE_INDEX);
  const fakeModule = fakeFile === undefined ? undefined : checker.getSymbolAtLocation(fakeFile);
  if (electron === undefined || fakeModule === undefined) throw new Error('electron.d.ts or the fake did not load');
  const unalias = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  real = { checker, exports: new Map(checker.getExportsOfModule(electron).map((s) => [s.name, unalias(s)])) };
  fakeExports = new Map(checker.getExportsOfModule(fakeModule).map((s) => [s.name, unalias(s)]));
}, 60_000);

function platformsOf(declarations: readonly ts.Declaration[] | undefined): FakePlatform[] {
  const tags = (declarations ?? []).flatMap((d) => ts.getJSDocTags(d)).filter((t) => t.tagName.text === 'platform');
  const named = tags.flatMap((t) => (ts.getTextOfJSDocComment(t.comment) ?? '').split(',')).map((p) => p.trim()).filter((p) => p !== '');
  return named.length === 0 ? [...fake.FAKE_PLATFORMS] : [...new Set(named as FakePlatform[])].sort();
}

/** The events of a real type: `on(event: 'name', …)` overloads, with their platforms. */
function realEvents(type: ts.Type): Map<string, FakePlatform[]> {
  const events = new Map<string, FakePlatform[]>();
  for (const declaration of real.checker.getPropertyOfType(type, 'on')?.declarations ?? []) {
    if (!ts.isMethodSignature(declaration) && !ts.isMethodDeclaration(declaration)) continue;
    const first = declaration.parameters[0]?.type;
    if (first === undefined || !ts.isLiteralTypeNode(first) || !ts.isStringLiteral(first.literal)) continue;
    events.set(first.literal.text, platformsOf([declaration]));
  }
  return events;
}

/** The real type behind a module export: [static side (or the object), instance side of a class]. */
function realSides(name: string): { typeName: string; statics: ts.Type; instance?: ts.Type } {
  const symbol = real.exports.get(name);
  if (symbol === undefined) throw new Error(`electron exports no ${name}`);
  const { checker } = real;
  if (symbol.flags & ts.SymbolFlags.Class) {
    // `class BrowserWindow extends Electron.BrowserWindow {}`: the named type is the base's.
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    const base = checker.getBaseTypes(instance as ts.InterfaceType)[0];
    return { typeName: base?.getSymbol()?.name ?? name, statics: checker.getTypeOfSymbol(symbol), instance };
  }
  const type = checker.getTypeOfSymbol(symbol);
  return { typeName: type.getSymbol()?.name ?? name, statics: type };
}

const isPublic = (s: ts.Symbol): boolean =>
  !s.name.startsWith('#') && !s.name.startsWith('__#') && !(s.declarations ?? []).some((d) => (ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0);

interface Finding {
  readonly where: string;
  readonly problem: string;
}

/** Compares one side of a fake type with the real one, recursing into fake-made objects it hands out. */
function compare(fakeType: ts.Type, realType: ts.Type, typeName: string, where: string, findings: Finding[], tagged: Map<string, FakePlatform[]>, seen: Set<string>): void {
  const { checker } = real;
  // Methods return `this` and objects refer to each other: each pair of types is compared once.
  const pair = `${checker.typeToString(fakeType)} -> ${typeName}`;
  if (seen.has(pair)) return;
  seen.add(pair);
  const controls = new Set(fake.TEST_CONTROLS[typeName] ?? []);
  for (const member of checker.getPropertiesOfType(fakeType).filter(isPublic)) {
    if (member.name === 'prototype') continue;
    const realMember = checker.getPropertyOfType(realType, member.name);
    if (realMember === undefined) {
      if (!controls.has(member.name)) findings.push({ where: `${where}.${member.name}`, problem: `Electron's ${typeName} has no '${member.name}' (a test control must be listed in TEST_CONTROLS)` });
      continue;
    }
    if (controls.has(member.name)) findings.push({ where: `${where}.${member.name}`, problem: `'${member.name}' is Electron's own, not a test control` });
    const platforms = platformsOf(realMember.declarations?.filter((d) => !ts.isMethodSignature(d) || d.name.getText() !== 'on'));
    if (!['on', 'once', 'off', 'addListener', 'removeListener'].includes(member.name) && platforms.length < fake.FAKE_PLATFORMS.length) tagged.set(`${typeName}.${member.name}`, platforms);
    // Objects the fake hands out (a window's webContents, fork()'s process) are held to their real types too.
    const fakeMemberType = checker.getTypeOfSymbol(member);
    const realMemberType = checker.getTypeOfSymbol(realMember);
    const fakeSignature = fakeMemberType.getCallSignatures()[0];
    const realSignature = realMemberType.getCallSignatures()[0];
    const [innerFake, innerReal] = fakeSignature !== undefined && realSignature !== undefined ? [fakeSignature.getReturnType(), realSignature.getReturnType()] : [fakeMemberType, realMemberType];
    const fakeDeclared = innerFake.getSymbol()?.declarations?.[0]?.getSourceFile().fileName ?? '';
    const innerName = innerReal.getSymbol()?.name;
    if (fakeDeclared.includes('/test/fakes/electron/') && innerName !== undefined && innerReal.getSymbol()?.declarations?.[0]?.getSourceFile().fileName === ELECTRON_DTS.replaceAll('\\', '/')) {
      compare(innerFake, innerReal, innerName, `${where}.${member.name}`, findings, tagged, seen);
    }
  }
}

describe('the Electron fake against electron.d.ts', () => {
  it('offers only what Electron has (or declared test controls), and its platform-only members match the @platform tags', () => {
    const { checker } = real;
    const findings: Finding[] = [];
    const tagged = new Map<string, FakePlatform[]>();
    const helpers = new Set(['resetElectronFake', 'resetAppShellFake', 'TEST_CONTROLS', 'FAKE_EVENTS', 'FAKE_PLATFORM_MEMBERS', 'FAKE_PLATFORMS', 'fakePlatform', 'setFakePlatform', 'FakePlatform', 'FakeMenu', 'FakeInvokeEvent', 'FakeActivation', 'FakeSession', 'FakeWebContents', 'FakeUtilityProcess', 'PermissionRequestHandler', 'default']);
    const compared: string[] = [];
    for (const [name, symbol] of fakeExports) {
      if (helpers.has(name)) continue;
      if (!real.exports.has(name)) {
        findings.push({ where: name, problem: 'electron exports nothing by this name' });
        continue;
      }
      const sides = realSides(name);
      compared.push(name);
      const seen = new Set<string>();
      compare(checker.getTypeOfSymbol(symbol), sides.statics, sides.typeName, name, findings, tagged, seen);
      if (sides.instance !== undefined && symbol.flags & ts.SymbolFlags.Class) compare(checker.getDeclaredTypeOfSymbol(symbol), sides.instance, sides.typeName, `${name}#`, findings, tagged, seen);
    }
    expect(findings).toEqual([]);
    // What the composition root uses is all covered (a fake export missing here would be untested).
    expect(compared.sort()).toEqual(['BrowserWindow', 'Menu', 'Notification', 'Tray', 'app', 'clipboard', 'contextBridge', 'dialog', 'ipcMain', 'ipcRenderer', 'net', 'powerMonitor', 'protocol', 'safeStorage', 'screen', 'session', 'shell', 'utilityProcess']);
    // Every real platform-only member the fake has is gated the same, and the table names no other.
    expect(Object.fromEntries([...tagged].sort())).toEqual(Object.fromEntries(Object.entries(fake.FAKE_PLATFORM_MEMBERS).map(([k, v]) => [k, [...v].sort()]).sort()));
  });

  it('emits only events Electron has, on the platforms its docs give', () => {
    const mismatches: string[] = [];
    for (const [typeName, events] of Object.entries(fake.FAKE_EVENTS)) {
      const realType = realTypeNamed(typeName);
      if (realType === undefined) {
        mismatches.push(`${typeName}: not in electron.d.ts`);
        continue;
      }
      const known = realEvents(realType);
      for (const [event, platforms] of Object.entries(events)) {
        const documented = DOCS_PLATFORMS[`${typeName}.${event}`] ?? known.get(event);
        if (documented === undefined) mismatches.push(`${typeName} '${event}': Electron has no such event`);
        else if ([...platforms].sort().join() !== [...documented].sort().join()) mismatches.push(`${typeName} '${event}': the fake emits it on ${[...platforms].sort().join()}, Electron on ${[...documented].sort().join()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses what a platform lacks: platform-only methods throw, platform-only events cannot be emitted', () => {
    const samples: Readonly<Record<string, () => Record<string, unknown>>> = {
      App: () => fake.app as unknown as Record<string, unknown>,
      Tray: () => new fake.Tray('icon.png') as unknown as Record<string, unknown>,
      Notification: () => fake.Notification as unknown as Record<string, unknown>,
      SafeStorage: () => fake.safeStorage as unknown as Record<string, unknown>,
      LoginItemSettings: () => fake.app.getLoginItemSettings() as unknown as Record<string, unknown>,
    };
    for (const [key, platforms] of Object.entries(fake.FAKE_PLATFORM_MEMBERS)) {
      const [typeName = '', member = ''] = key.split('.');
      for (const platform of fake.FAKE_PLATFORMS.filter((p) => !platforms.includes(p))) {
        fake.resetElectronFake();
        fake.setFakePlatform(platform);
        const sample = samples[typeName];
        if (sample === undefined) throw new Error(`no sample ${typeName} to check ${key} on`);
        let target: Record<string, unknown>;
        try {
          target = sample();
        } catch (error) {
          // The object holding it is missing on this platform too.
          expect(error, `${key} on ${platform}`).toBeInstanceOf(TypeError);
          continue;
        }
        const value = target[member];
        if (typeof value === 'function') expect(() => (value as (...args: unknown[]) => unknown).call(target, '00000000-0000-0000-0000-000000000000'), `${key} on ${platform}`).toThrow(TypeError);
        else expect(value, `${key} on ${platform}`).toBeUndefined();
      }
    }
    const emitters: Readonly<Record<string, () => { emit(event: string, ...args: unknown[]): boolean }>> = {
      App: () => fake.app,
      Notification: () => new fake.Notification({ hasReply: true, actions: [{ type: 'button', text: 'OK' }] }),
      PowerMonitor: () => fake.powerMonitor,
    };
    for (const [typeName, events] of Object.entries(fake.FAKE_EVENTS)) {
      for (const [event, platforms] of Object.entries(events)) {
        for (const platform of fake.FAKE_PLATFORMS.filter((p) => !platforms.includes(p))) {
          fake.resetElectronFake();
          fake.setFakePlatform(platform);
          const emitter = emitters[typeName]?.();
          if (emitter === undefined) throw new Error(`no sample ${typeName} to check '${event}' on`);
          expect(() => emitter.emit(event, {}), `${typeName} '${event}' on ${platform}`).toThrow(/emits/);
        }
      }
    }
    fake.resetElectronFake();
    // Events Electron never emits at all are refused on every platform.
    expect(() => fake.powerMonitor.emit('screen-locked')).toThrow(/no 'screen-locked' event/);
  });

  it('plays the platform it is given, process.platform included', () => {
    fake.setFakePlatform('win32');
    expect(process.platform).toBe('win32');
    expect(fake.fakePlatform()).toBe('win32');
    fake.resetElectronFake();
    expect(process.platform).toBe('linux');
  });
});

/** A named interface or class of the Electron namespace (App, PowerMonitor, WebContents…). */
function realTypeNamed(name: string): ts.Type | undefined {
  for (const symbol of real.exports.values()) {
    const type = symbol.flags & ts.SymbolFlags.Class ? real.checker.getDeclaredTypeOfSymbol(symbol) : real.checker.getTypeOfSymbol(symbol);
    const base = symbol.flags & ts.SymbolFlags.Class ? real.checker.getBaseTypes(type as ts.InterfaceType)[0] : type;
    const named = base?.getSymbol();
    // `const utilityProcess: typeof UtilityProcess`: the events are the instances'.
    if (named?.name === name) return named.flags & ts.SymbolFlags.Class && !(symbol.flags & ts.SymbolFlags.Class) ? real.checker.getDeclaredTypeOfSymbol(named) : type;
    const nested = name === 'WebContents' && symbol.name === 'BrowserWindow' ? real.checker.getPropertyOfType(type, 'webContents') : undefined;
    if (nested !== undefined) return real.checker.getTypeOfSymbol(nested);
  }
  return undefined;
}
