// Looking up what published source lists say about a page's site.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSourceIndex, type SourcesJson } from '../../model/sources';

const LISTS: SourcesJson['lists'] = [
  { id: 'os', name: 'OpenSources', date: '2017', licence: 'x', url: 'x', kind: 'tags' },
  { id: 'mbfc', name: 'MBFC via Baly et al.', date: '2018', licence: 'x', url: 'x', kind: 'mbfc' },
  { id: 'lin', name: 'Lin et al.', date: '2023', licence: 'x', url: 'x', kind: 'score' },
];

const index = createSourceIndex({
  lists: LISTS,
  domains: {
    'reuters.com': [[2, 1]],
    'cnn.com': [[1, 'mixed', 'left'], [2, 0.682]],
    'blogspot.com': [[2, 0.67]],
    'github.io': [[2, 0.5]],
    'wordpress.com': [[2, 0.6]],
    'blogspot.it': [[2, 0.4]],
    'someone.wordpress.com': [[0, 'fake']],
    'news.example.co.uk': [[2, 0.9]],
    'bad-news.com': [[0, 'conspiracy', 'junksci']],
    'facebook.com': [[2, 0.41]],
    'facebook.com/somepage': [[2, 0.24]],
    'newyorker.com/humor': [[0, 'satire']],
  },
});

const matched = (url: string) => index.lookup(url)?.matchedDomain ?? null;

describe('registrable-domain matching', () => {
  it('lets subdomains and www inherit the rating of their registrable domain', () => {
    expect(index.lookup('https://edition.cnn.com/2024/story.html')).toMatchObject({ domain: 'cnn.com', matchedDomain: 'cnn.com' });
    expect(matched('https://www.reuters.com/world/')).toBe('reuters.com');
    expect(matched('HTTPS://WWW.REUTERS.COM:443/x')).toBe('reuters.com');
  });

  it('never matches by substring', () => {
    expect(index.lookup('https://notreuters.com/')).toBeNull();
    expect(index.lookup('https://reuters.com.evil.net/')).toBeNull();
    expect(index.lookup('https://cnn.co/')).toBeNull();
  });

  it('does not give blogs on shared hosts the rating of the host', () => {
    expect(index.lookup('https://someone.blogspot.com/2020/01/post.html')).toBeNull();
    expect(index.lookup('https://someone.github.io/')).toBeNull();
    expect(index.lookup('https://other.wordpress.com/')).toBeNull();
    expect(index.lookup('https://someone.blogspot.it/')).toBeNull();
    expect(matched('https://someone.wordpress.com/a')).toBe('someone.wordpress.com');
    expect(index.lookup('https://someone.wordpress.com/')?.domain).toBe('someone.wordpress.com');
    expect(matched('https://blogspot.com/')).toBe('blogspot.com');
  });

  it('keeps a rated subdomain to itself', () => {
    expect(matched('https://news.example.co.uk/a')).toBe('news.example.co.uk');
    expect(index.lookup('https://example.co.uk/a')).toBeNull();
    expect(index.lookup('https://sport.example.co.uk/a')).toBeNull();
  });

  it('applies a path-scoped rating only under that path, case-insensitively', () => {
    expect(index.lookup('https://www.facebook.com/SomePage/posts/1')?.ratings[0]).toMatchObject({ value: 0.24, matched: 'facebook.com/somepage' });
    expect(index.lookup('https://www.facebook.com/somepageother')?.ratings[0]).toMatchObject({ value: 0.41, matched: 'facebook.com' });
    expect(matched('https://www.newyorker.com/humor/borowitz-report/x')).toBe('newyorker.com/humor');
    expect(index.lookup('https://www.newyorker.com/news/x')).toBeNull();
  });
});

describe('what each list says', () => {
  it('renders OpenSources tags in plain words', () => {
    expect(index.lookup('http://bad-news.com/')?.ratings[0].says).toBe('OpenSources (2017) tags it: conspiracy, junk science');
  });

  it('renders each list with its name and date, in list order', () => {
    expect(index.lookup('https://cnn.com/')?.ratings).toEqual([
      { list: 'MBFC via Baly et al.', kind: 'mbfc', listDate: '2018', says: 'MBFC via Baly et al. (2018): factual reporting mixed; bias left', value: 'mixed', matched: 'cnn.com' },
      { list: 'Lin et al.', kind: 'score', listDate: '2023', says: 'Lin et al. (2023): quality score 0.68 of 1', value: 0.682, matched: 'cnn.com' },
    ]);
    expect(index.lookup('https://someone.wordpress.com/')?.ratings[0].says).toBe('OpenSources (2017) tags it: fake news');
  });
});

describe('pages that are not on a public site', () => {
  it.each(['not a url', '', 'about:blank', 'file:///home/me/page.html', 'http://localhost:8080/', 'http://127.0.0.1/', 'http://[::1]/', 'http://192.168.0.1/x', 'chrome://extensions', 'https://printer.local/', 'mailto:a@reuters.com', 'https://com/'])('%s → null', (url) => {
    expect(index.lookup(url)).toBeNull();
  });
});

describe('the committed table', () => {
  const json = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'model', 'artifacts', 'sources.json'), 'utf8')) as SourcesJson;
  const committed = createSourceIndex(json);

  it('answers with the real lists', () => {
    const report = committed.lookup('https://www.infowars.com/posts/x');
    expect(report?.ratings.map((r) => r.says)).toEqual(['OpenSources (2017) tags it: conspiracy', expect.stringMatching(/^Lin et al\. \(2023\): quality score 0\.\d\d of 1$/)]);
    expect(committed.lookup('https://notreuters.com/')).toBeNull();
  });

  it('looks up 10,000 URLs quickly', () => {
    const keys = Object.keys(json.domains);
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://www.${i % 3 ? 'sub.' : ''}${keys[(i * 7919) % keys.length]}/section/article-${i}?q=1`);
    const start = performance.now();
    let found = 0;
    for (const url of urls) if (committed.lookup(url)) found++;
    const seconds = (performance.now() - start) / 1000;
    console.info(`sources lookup: ${Math.round(urls.length / seconds)} lookups/s (${found} of ${urls.length} rated)`);
    expect(found).toBeGreaterThan(9000);
    expect(seconds).toBeLessThan(2);
  });
});
