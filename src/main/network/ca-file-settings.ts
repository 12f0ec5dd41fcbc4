// The extra CA files sign-in trusts (`network.caFiles` in the settings file), changed from the
// settings page: "Add…" opens the OS's file dialog in main (the page never names a path to read),
// and only a file that holds PEM certificates Node can parse is added — anything else is a clear
// error and the list stays as it was. A change is handed to `changed`, which builds the network
// that the next sign-in uses (a session already signed in keeps its connections).
import { X509Certificate } from 'node:crypto';
import type { InvokeHandlers } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import { UcwaError, readCaFile } from '../ucwa/index';
import type { Logger } from '../ucwa/index';
import { caFilesSetting } from './app-network';

export const CA_FILES_KEY = 'network.caFiles';
/** As caFilesSetting reads it: more would be ignored as a whole. */
export const MAX_CA_FILES = 50;

/** Where the setting lives (the settings file's key-value store). */
export interface SettingsValues {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CaFileSettingsDeps {
  readonly store: SettingsValues;
  /** The OS's open-file dialog: the path picked, or undefined when cancelled. */
  readonly pick: () => Promise<string | undefined>;
  readonly changed: (files: readonly string[]) => void;
  readonly logger: Logger;
  readonly read?: (path: string) => string;
}

export class CaFileSettings {
  constructor(private readonly deps: CaFileSettingsDeps) {}

  list(): readonly string[] {
    return caFilesSetting(this.deps.store.get(CA_FILES_KEY), this.deps.logger);
  }

  async add(): Promise<readonly string[]> {
    const file = await this.deps.pick();
    const files = this.list();
    if (file === undefined || files.includes(file)) return files;
    if (files.length >= MAX_CA_FILES) throw new IpcFailure('bad-ca-file', `At most ${MAX_CA_FILES} CA files can be added.`);
    this.check(file);
    return this.save([...files, file]);
  }

  remove(file: string): readonly string[] {
    const files = this.list();
    return files.includes(file) ? this.save(files.filter((f) => f !== file)) : files;
  }

  private save(files: readonly string[]): readonly string[] {
    this.deps.store.set(CA_FILES_KEY, [...files]);
    this.deps.logger.info('CA files changed; the next sign-in uses them', { count: files.length });
    this.deps.changed(files);
    return files;
  }

  /** Readable, with at least one PEM block, and every block a certificate Node can parse. */
  private check(file: string): void {
    let certificates: string[];
    try {
      certificates = readCaFile(file, this.deps.read);
    } catch (error) {
      throw new IpcFailure('bad-ca-file', error instanceof UcwaError ? error.message : `The CA file ${file} cannot be used.`);
    }
    for (const pem of certificates) {
      try {
        new X509Certificate(pem);
      } catch {
        throw new IpcFailure('bad-ca-file', `The CA file ${file} holds a block marked as a certificate that is not one.`);
      }
    }
  }
}

/** The settings page's three methods of the contract. */
export function caFileHandlers(files: CaFileSettings): Pick<InvokeHandlers, 'getCaFiles' | 'addCaFile' | 'removeCaFile'> {
  return {
    getCaFiles: async () => files.list(),
    addCaFile: async () => files.add(),
    removeCaFile: async (input) => files.remove(input.file),
  };
}
