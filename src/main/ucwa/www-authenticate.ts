// The MsRtcOAuth challenge of a 401 (protocol §1.4, §10.6): one or two WWW-Authenticate headers,
// possibly merged by the HTTP stack into one comma-joined value, quotes optional.

export interface MsRtcOAuthChallenge {
  readonly href: string;
  readonly grantTypes: readonly string[];
}

export function parseMsRtcOAuthChallenge(headers: string | readonly string[] | undefined): MsRtcOAuthChallenge | undefined {
  if (headers === undefined) return undefined;
  const joined = typeof headers === 'string' ? headers : headers.join(', ');
  const start = joined.search(/MsRtcOAuth(\s|$)/i);
  if (start < 0) return undefined;
  // The challenge runs until the next scheme name, which may have parameters after a space or none
  // at all (IIS sends `Negotiate` and `NTLM` bare).
  let segment = joined.slice(start + 'MsRtcOAuth'.length);
  const nextScheme = /,\s*(Bearer|Negotiate|NTLM|Basic)(\s|,|$)/i.exec(segment);
  if (nextScheme !== null) segment = segment.slice(0, nextScheme.index);
  const href = readParam(segment, 'href');
  if (href === undefined || href === '') return undefined;
  const grant = readParam(segment, 'grant_type') ?? '';
  return { href, grantTypes: grant.split(',').map((g) => g.trim()).filter((g) => g !== '') };
}

function readParam(segment: string, name: string): string | undefined {
  const quoted = new RegExp(`(?:^|[\\s,])${name}\\s*=\\s*"([^"]*)"`, 'i').exec(segment);
  if (quoted !== null) return quoted[1];
  // Unquoted values end at the next `,name=` pair; grant_type lists contain commas themselves.
  const bare = new RegExp(`(?:^|[\\s,])${name}\\s*=\\s*([^\\s"]+?)(?=\\s*,\\s*[A-Za-z_]+\\s*=|\\s*$)`, 'i').exec(segment);
  return bare?.[1];
}
