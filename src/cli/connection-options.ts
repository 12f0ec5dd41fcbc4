import { z } from 'zod';

/** Where a value came from matters only for the error message: flags win over the environment. */
export interface ConnectionOptions {
  readonly server: string | undefined;
  readonly user: string;
  readonly password: string;
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
}

/**
 * Resolves --server/--user/--password against UCWA_SERVER/UCWA_USER/UCWA_PASSWORD.
 * The password is never echoed back in an error.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): ConnectionOptions {
  const server = flags.server ?? nonEmpty(env.UCWA_SERVER);
  const user = flags.user ?? nonEmpty(env.UCWA_USER);
  const password = flags.password ?? env.UCWA_PASSWORD;
  if (user === undefined) throw new CliUsageError('missing --user (or UCWA_USER)');
  if (password === undefined || password === '') throw new CliUsageError('missing --password (or UCWA_PASSWORD)');
  const parsedUser = userSchema.safeParse(user);
  if (!parsedUser.success) throw new CliUsageError(`--user ${parsedUser.error.issues[0]?.message ?? 'is invalid'}`);
  if (server !== undefined) {
    const parsedServer = serverSchema.safeParse(server);
    if (!parsedServer.success) throw new CliUsageError(`--server ${parsedServer.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return { server, user: parsedUser.data.replace(/^sip:/i, ''), password };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
