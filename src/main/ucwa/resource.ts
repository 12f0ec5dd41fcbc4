// UCWA resources as the client reads them (protocol §0): `_links` (a link or an array of links per
// rel), `_embedded` (a resource or an array per rel), plain properties. Hrefs resolve against the
// URL of the response they came from (§10.1–2). Server JSON enters as `unknown` and is checked here.
import { z } from 'zod';
import { UcwaError } from './errors';

const linkSchema = z.object({ href: z.string(), title: z.string().optional() }).passthrough();
const linksSchema = z.record(z.string(), z.union([linkSchema, z.array(linkSchema)]));
export const resourceSchema = z
  .object({
    rel: z.string().optional(),
    _links: linksSchema.optional(),
    _embedded: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

export type RawResource = z.infer<typeof resourceSchema>;

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
    const parsed = resourceSchema.safeParse(value);
    if (!parsed.success) throw new UcwaError('malformed-response', `The server sent a malformed ${what}.`);
    return new Resource(parsed.data, base);
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
    const list = Array.isArray(value) ? value : [value];
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
      const parsed = resourceSchema.safeParse(item);
      if (parsed.success) out.push(new Resource(parsed.data, this.base));
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
  const parts = url.pathname.split('/').filter((p) => p !== '');
  return decodeURIComponent(parts[parts.length - 1] ?? url.pathname);
}
