/** The Electron runtime's version and binary path; `binary` is undefined when it is not installed. */
export function electronRuntime(): { version: string | undefined; binary: string | undefined };
