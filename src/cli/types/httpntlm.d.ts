// httpntlm ships no types; the NTLM message functions the CLI uses (ntlm.js, NTLMv2 since 1.8).
declare module 'httpntlm/ntlm.js' {
  interface NtlmOptions {
    username?: string;
    password?: string;
    domain?: string;
    workstation?: string;
  }
  interface Type2Message {
    readonly serverChallenge: Buffer;
    readonly negotiateFlags: number;
    readonly targetInfo?: Buffer;
  }
  export function createType1Message(options: NtlmOptions): string;
  export function parseType2Message(header: string, callback: (error: Error) => void): Type2Message | null;
  export function createType3Message(type2: Type2Message, options: NtlmOptions): string;
}
