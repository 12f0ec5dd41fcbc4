import { t } from './cli-language';
import { z } from 'zod';

/** Where a value came from matters only for the error message: flags win over the environment. */
export interface ConnectionOptions {
  readonly server: string | undefined;
  readonly user: string;
  readonly password: string;
  /** Domains approved for credentials besides the sign-in address's and the server's. */
  readonly trustedDomains: readonly string[];
  /** Extra CA files to trust (--ca, UCWA_CA_FILES). */
  readonly caFiles?: readonly string[];
  /** One proxy for everything (--proxy); absent: HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  readonly proxy?: string | undefined;
  /** --sign-in windows: NTLMv2 at the token service with the user and password given. */
  readonly signInMethod?: 'password' | 'windows';
  /** DOMAIN\user for Windows sign-in; default from the sign-in address. */
  readonly windowsUser?: string | undefined;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const userSchema = z
  .string()
  .trim()
  .regex(/^(sip:)?[^@\s]+@[^@\s]+$/i, 'must be a sign-in address such as ana@contoso.com');

const serverSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://lyncweb.contoso.com');

export interface ConnectionFlags {
  readonly server?: string | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly 'trust-domain'?: readonly string[] | undefined;
  readonly ca?: readonly string[] | undefined;
  readonly proxy?: string | undefined;
  readonly 'sign-in'?: string | undefined;
  readonly 'windows-user'?: string | undefined;
}

const proxySchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a proxy URL such as http://proxy.contoso.com:8080');

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as contoso.com');

/**
 * Resolves --server/--user/--password/--trust-domain/--ca/--proxy against UCWA_SERVER/UCWA_USER/
 * UCWA_PASSWORD/UCWA_TRUST_DOMAINS/UCWA_CA_FILES (comma-separated)/UCWA_PROXY.
 * The password is never echoed back in an error; with `passwordOptional` a missing one is ''.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv, options: { readonly passwordOptional?: boolean } = {}): ConnectionOptions {
  const serverGiven = flags.server ?? nonEmpty(env.UCWA_SERVER);
  const user = flags.user ?? nonEmpty(env.UCWA_USER);
  const password = flags.password ?? env.UCWA_PASSWORD ?? (options.passwordOptional === true ? '' : undefined);
  if (user === undefined) throw new CliUsageError(t('cli.missingUser'));
  if ((password === undefined || password === '') && options.passwordOptional !== true) throw new CliUsageError(t('cli.missingPassword'));
  const parsedUser = userSchema.safeParse(user);
  if (!parsedUser.success) throw new CliUsageError(`--user ${parsedUser.error.issues[0]?.message ?? 'is invalid'}`);
  let server: string | undefined;
  if (serverGiven !== undefined) {
    const parsedServer = serverSchema.safeParse(serverGiven);
    if (!parsedServer.success) throw new CliUsageError(`--server ${parsedServer.error.issues[0]?.message ?? 'is invalid'}`);
    // Trimmed: the URL parser forgives the blanks, the trust policy's reading of the server's domain does not.
    server = parsedServer.data;
  }
  const domains = flags['trust-domain'] ?? (nonEmpty(env.UCWA_TRUST_DOMAINS)?.split(',') ?? []);
  const trustedDomains = domains.map((d) => {
    const parsed = domainSchema.safeParse(d);
    if (!parsed.success) throw new CliUsageError(`--trust-domain "${d}" ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
    return parsed.data.replace(/^\*\./, '');
  });
  const proxy = flags.proxy ?? nonEmpty(env.UCWA_PROXY);
  if (proxy !== undefined) {
    const parsedProxy = proxySchema.safeParse(proxy);
    // The value may carry user:password@: never echo it.
    if (!parsedProxy.success) throw new CliUsageError(`--proxy ${parsedProxy.error.issues[0]?.message ?? 'is invalid'}`);
  }
  const caFiles = flags.ca ?? (nonEmpty(env.UCWA_CA_FILES)?.split(',').map((f) => f.trim()).filter((f) => f !== '') ?? []);
  const method = flags['sign-in'] ?? nonEmpty(env.UCWA_SIGN_IN);
  if (method !== undefined && method !== 'password' && method !== 'windows') throw new CliUsageError(`--sign-in must be password or windows, got "${method}"`);
  const windowsUser = flags['windows-user'] ?? nonEmpty(env.UCWA_WINDOWS_USER);
  return {
    server,
    user: parsedUser.data.replace(/^sip:/i, ''),
    password: password ?? '',
    trustedDomains,
    caFiles,
    ...(proxy === undefined ? {} : { proxy: proxy.trim() }),
    ...(method === 'windows' ? { signInMethod: 'windows' as const } : {}),
    ...(windowsUser === undefined ? {} : { windowsUser }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
