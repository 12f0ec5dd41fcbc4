// UCWA resources as the client reads them (protocol §0): `_links` (a link or an array of links per
// rel), `_embedded` (a resource or an array per rel), plain properties. Hrefs resolve against the
// URL of the response they came from (§10.1–2). Server JSON enters as `unknown` and is checked here.
import { UcwaError } from './errors';

export interface RawLink {
  readonly href: string;
  readonly title?: string;
  readonly [key: string]: unknown;
}

export interface RawResource {
  readonly rel?: string;
  readonly _links?: Readonly<Record<string, RawLink | readonly RawLink[]>>;
  readonly _embedded?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLink(value: unknown): value is RawLink {
  return isRecord(value) && typeof value.href === 'string' && (value.title === undefined || typeof value.title === 'string');
}

/**
 * Server JSON checked as a resource: an object whose `rel` (if any) is a string, whose `_links` map
 * rels to a link or an array of links (each with a string href), and whose `_embedded` is an object.
 * Written out rather than as a schema: every event and every contact passes here, and checking in
 * place (no copy of the object) is several times cheaper, which the event throughput needs.
 */
export function asRawResource(value: unknown): RawResource | undefined {
  if (!isRecord(value)) return undefined;
  if (value.rel !== undefined && typeof value.rel !== 'string') return undefined;
  const links = value._links;
  if (links !== undefined) {
    if (!isRecord(links)) return undefined;
    for (const key in links) {
      if (!Object.hasOwn(links, key)) continue;
      const link = links[key];
      if (Array.isArray(link) ? !link.every(isLink) : !isLink(link)) return undefined;
    }
  }
  if (value._embedded !== undefined && !isRecord(value._embedded)) return undefined;
  return value as RawResource;
}

export interface ResolvedLink {
  readonly url: URL;
  readonly href: string;
  readonly title?: string;
}

export class Resource {
  constructor(
    readonly raw: RawResource,
    readonly base: URL,
  ) {}

  static parse(value: unknown, base: URL, what: string): Resource {
    const raw = asRawResource(value);
    if (raw === undefined) throw new UcwaError('malformed-response', `The server sent a malformed ${what}.`);
    return new Resource(raw, base);
  }

  get rel(): string | undefined {
    return this.raw.rel;
  }

  link(rel: string): ResolvedLink | undefined {
    return this.links(rel)[0];
  }

  links(rel: string): ResolvedLink[] {
    const value = this.raw._links?.[rel];
    if (value === undefined) return [];
    const list: readonly RawLink[] = Array.isArray(value) ? value : [value as RawLink];
    const out: ResolvedLink[] = [];
    for (const link of list) {
      const url = resolveHref(link.href, this.base);
      if (url !== undefined) out.push({ url, href: link.href, ...(link.title === undefined ? {} : { title: link.title }) });
    }
    return out;
  }

  embedded(rel: string): Resource | undefined {
    return this.embeddedList(rel)[0];
  }

  embeddedList(rel: string): Resource[] {
    const value = this.raw._embedded?.[rel];
    if (value === undefined) return [];
    const list = Array.isArray(value) ? value : [value];
    const out: Resource[] = [];
    for (const item of list) {
      const raw = asRawResource(item);
      if (raw !== undefined) out.push(new Resource(raw, this.base));
    }
    return out;
  }

  string(name: string): string | undefined {
    const value = this.property(name);
    return typeof value === 'string' ? value : undefined;
  }

  strings(name: string): string[] {
    const value = this.property(name);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Property names are case-insensitive in practice (§3.1). */
  property(name: string): unknown {
    const raw = this.raw as Record<string, unknown>;
    if (name in raw) return raw[name];
    const lower = name.toLowerCase();
    for (const [key, value] of Object.entries(raw)) if (key.toLowerCase() === lower) return value;
    return undefined;
  }
}

/** `data:` hrefs are message bodies, not locations: they are returned untouched by `link()`. */
export function resolveHref(href: string, base: URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** `/Date(1732442415337)/` (ASP.NET AJAX, §0, §10.14); ISO strings are accepted too. */
export function parseUcwaDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/.exec(value.replace(/\\/g, ''));
  if (match?.[1] !== undefined) return new Date(Number(match[1]));
  const iso = Date.parse(value);
  return Number.isNaN(iso) ? undefined : new Date(iso);
}

/** The last path segment of an href: a short, stable id within one application's lifetime. */
export function idFromUrl(url: URL): string {
  // The last non-empty path segment, found from the end: this runs for every event, and splitting
  // the whole path was a tenth of an event's cost.
  const path = url.pathname;
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  if (end === 0) return decodeURIComponent(path);
  const segment = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  return segment.includes('%') ? decodeURIComponent(segment) : segment;
}
