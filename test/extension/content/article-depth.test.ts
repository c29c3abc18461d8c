// @vitest-environment happy-dom
// Issue 6 (hostile pages): a page nested thousands of levels deep froze its tab, because Readability's
// time grows with the square of the nesting depth. Past MAX_ARTICLE_DEPTH the page is read by blocks.
import { describe, expect, it } from 'vitest';
import { deeperThan, MAX_ARTICLE_DEPTH, readArticle } from '../../../extension/content/article';
import { extractPage } from '../../../extension/content/extract';
import { runToEnd } from '../../../extension/content/schedule';
import { walkPage } from '../../../extension/content/walk';
import { fixture, instantSlicing, loadPage } from './helpers';

/** The article fixture with its last paragraph moved `levels` nested <div>s down. */
function nestedArticle(levels: number): Document {
  const document = loadPage(fixture('article.html'));
  const article = document.querySelector('article')!;
  const last = article.lastElementChild!;
  let parent: Element = article;
  for (let i = 0; i < levels; i++) parent = parent.appendChild(document.createElement('div'));
  parent.appendChild(last);
  return document;
}

describe('deeperThan', () => {
  it('measures levels below the root, at any branch, and stops past the limit', () => {
    const document = loadPage('<div id="root"><p>a</p><div><div><span>b</span></div></div><p>c</p></div>');
    const root = document.getElementById('root')!;
    // root > div > div > span > "b": 4 levels.
    expect(deeperThan(root, 3)).toBe(true);
    expect(deeperThan(root, 4)).toBe(false);
    expect(deeperThan(document.createElement('div'), 0)).toBe(false);
    expect(deeperThan(root.querySelector('span')!, 1)).toBe(false);
  });
});

describe('Readability on a deeply nested page', () => {
  it('still reads an article nested a little deeper than usual', () => {
    const walk = runToEnd(walkPage(nestedArticle(50).body, { copy: true }));
    expect(readArticle(walk)).not.toBeNull();
  });

  it('is skipped past MAX_ARTICLE_DEPTH: the page is read by blocks, to its deepest sentence', async () => {
    const document = nestedArticle(MAX_ARTICLE_DEPTH + 10);
    const walk = runToEnd(walkPage(document.body, { copy: true }));
    const started = performance.now();
    expect(readArticle(walk)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    const result = await extractPage(document, instantSlicing());
    expect(result.readable && result.page.kind).toBe('feed');
    expect(result.readable && result.page.map.text).toContain('The new budget takes effect on the first of July.');
  });
});
