// Which grants the simulator's challenge offers (protocol §2.1): Windows (NTLM at the token
// service), passive (the ADFS-style form below), and the password. Anonymous meeting join is
// always listed, as real servers do, though nothing here serves it.
export const SIGN_IN_METHODS = ['windows', 'passive', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const GRANT_OF: Readonly<Record<SignInMethod, string>> = {
  windows: 'urn:microsoft.rtc:windows',
  passive: 'urn:microsoft.rtc:passive',
  password: 'password',
};

/** The grant_type list in the order real servers write it: windows, (passive), anonmeeting, password. */
export function grantList(methods: readonly SignInMethod[]): string {
  const grants = [
    ...(methods.includes('windows') ? [GRANT_OF.windows] : []),
    ...(methods.includes('passive') ? [GRANT_OF.passive] : []),
    'urn:microsoft.rtc:anonmeeting',
    ...(methods.includes('password') ? [GRANT_OF.password] : []),
  ];
  return grants.join(',');
}

export const DEFAULT_SIGN_IN_METHODS: readonly SignInMethod[] = ['windows', 'password'];
