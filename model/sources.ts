// "Who published it": what published source lists say about a page's site, looked up by host.
// Reports each list's own words, name and date; never a verdict of ours.
import { parse } from 'tldts';

// Private PSL entries (blogspot.com, github.io, wordpress.com…) count as public suffixes, so a
// blog on a shared host is its own site and never inherits a rating of the host.
const PSL_OPTIONS = { allowPrivateDomains: true } as const;

// Blog hosts the PSL lacks (wordpress.com, medium.com…) or dropped (blogspot's country domains,
// e.g. blogspot.it): a subdomain there is someone's blog too. Lin et al. rate wordpress.com itself.
const SHARED_HOSTS = new Set(['wordpress.com', 'wp.com', 'wpengine.com', 'tumblr.com', 'weebly.com', 'substack.com', 'medium.com', 'livejournal.com', 'typepad.com', 'over-blog.com', 'altervista.org', 'myblog.it']);

/** The blog's own name on a shared host (`someone.wordpress.com`), else the registrable domain. */
function registrableDomain(host: string, domain: string, domainWithoutSuffix: string | null): string {
  const shared = SHARED_HOSTS.has(domain) || domainWithoutSuffix === 'blogspot';
  if (!shared || host === domain) return domain;
  return `${host.slice(0, -domain.length - 1).split('.').at(-1)}.${domain}`;
}

export type ListKind = 'tags' | 'mbfc' | 'score';

export interface SourceList {
  id: string;
  name: string;
  date: string;
  licence: string;
  url: string;
  kind: ListKind;
}

/** [index into lists, ...what the list says]: tags → tag names; mbfc → factuality, bias; score → 0–1. */
export type SourceEntry = [number, ...(string | number)[]];

export interface SourcesJson {
  lists: SourceList[];
  domains: Record<string, SourceEntry[]>;
}

export interface SourceRating {
  list: string;
  /** What kind of list it is, hence what `value` means: tags → tag names; mbfc → factuality; score → 0–1 quality. */
  kind: ListKind;
  listDate: string;
  says: string;
  value?: number | string;
  /** The table key this rating came from (a parent host or a path-scoped entry, e.g. `facebook.com/somepage`). */
  matched: string;
}

export interface SourceReport {
  domain: string;
  matchedDomain: string;
  ratings: SourceRating[];
}

export interface SourceIndex {
  lookup(url: string): SourceReport | null;
}

/** Host (lower-case, no `www.`) and registrable domain (eTLD+1, private suffixes included) of a public host name; null for IPs, localhost, unknown suffixes. */
export function siteOf(hostname: string): { host: string; domain: string } | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.startsWith('www.') && host.indexOf('.', 4) > 0 ? host.slice(4) : host;
  const parsed = parse(bare, PSL_OPTIONS);
  if (parsed.isIp || !(parsed.isIcann || parsed.isPrivate)) return null;
  // Some sites are public suffixes themselves (nhs.uk, blogspot.com): such a host is its own site.
  return { host: bare, domain: parsed.domain ? registrableDomain(bare, parsed.domain, parsed.domainWithoutSuffix) : bare };
}

/** Lower-cased, non-empty path segments. */
export function pathSegments(pathname: string): string[] {
  return pathname.toLowerCase().split('/').filter((segment) => segment !== '');
}

export function keyOf(host: string, segments: string[]): string {
  return segments.length === 0 ? host : `${host}/${segments.join('/')}`;
}

function parseWebUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Table keys that could rate a page, most specific first: each host from the page's own up to its registrable domain, deepest path first. */
function candidateKeys(host: string, domain: string, segments: string[], maxDepth: number): string[] {
  const keys: string[] = [];
  const depth = Math.min(maxDepth, segments.length);
  for (let h = host; ; h = h.slice(h.indexOf('.') + 1)) {
    for (let d = depth; d > 0; d--) keys.push(keyOf(h, segments.slice(0, d)));
    keys.push(h);
    if (h.length <= domain.length) return keys;
  }
}

const TAG_WORDS: Record<string, string> = {
  fake: 'fake news',
  bias: 'extreme bias',
  junksci: 'junk science',
  rumor: 'rumor mill',
  state: 'state news',
  hate: 'hate group',
};

function says(list: SourceList, values: (string | number)[]): { says: string; value?: string | number } {
  const title = `${list.name} (${list.date})`;
  switch (list.kind) {
    case 'tags':
      return { says: `${title} tags it: ${values.map((tag) => TAG_WORDS[tag] ?? tag).join(', ')}`, value: values.join(', ') };
    case 'mbfc':
      return { says: `${title}: factual reporting ${values[0]}; bias ${values[1]}`, value: values[0] };
    case 'score':
      return { says: `${title}: quality score ${(values[0] as number).toFixed(2)} of 1`, value: values[0] };
  }
}

function deepestPath(domains: Record<string, SourceEntry[]>): number {
  let deepest = 0;
  for (const key of Object.keys(domains)) deepest = Math.max(deepest, key.split('/').length - 1);
  return deepest;
}

export function createSourceIndex(input: SourcesJson | unknown): SourceIndex {
  const json = input as SourcesJson;
  if (!json || typeof json !== 'object' || !Array.isArray(json.lists) || !json.domains || typeof json.domains !== 'object') throw new Error('sources.json: expected { lists: [...], domains: {...} }');
  const table = new Map(Object.entries(json.domains));
  const maxDepth = deepestPath(json.domains);

  function ratingsFor(keys: string[]): { matchedDomain: string; ratings: SourceRating[] } | null {
    const byList = new Map<number, SourceRating>();
    let matchedDomain = '';
    for (const key of keys) {
      for (const [listIndex, ...values] of table.get(key) ?? []) {
        if (byList.has(listIndex)) continue; // each list speaks once, through its most specific entry
        const list = json.lists[listIndex];
        byList.set(listIndex, { list: list.name, kind: list.kind, listDate: list.date, ...says(list, values), matched: key });
        matchedDomain ||= key;
      }
    }
    if (byList.size === 0) return null;
    return { matchedDomain, ratings: [...byList.keys()].sort((a, b) => a - b).map((i) => byList.get(i)!) };
  }

  return {
    lookup(url: string): SourceReport | null {
      const page = parseWebUrl(url);
      const site = page && siteOf(page.hostname);
      if (!page || !site) return null;
      const found = ratingsFor(candidateKeys(site.host, site.domain, pathSegments(page.pathname), maxDepth));
      return found && { domain: site.domain, ...found };
    },
  };
}
