// The page's main text, as the `scan` CLI reads it (scripts/lib/article.ts): Readability's
// article when there is one, else the page's visible text blocks (feeds, forums, search pages).
import type { PageKind } from '../messages';
import { readArticle, type Article } from './article';
import { isInsideEditable } from './elements';
import { NO_TEXT_REASON, unreadableReason } from './readable';
import { pause, runSliced, runToEnd, type Slicing } from './schedule';
import { buildTextMap, type TextMap } from './textmap';
import { walkPage, type PageWalk } from './walk';

export interface ExtractedPage {
  kind: PageKind;
  /** Whitespace collapsed; the headline finding's offsets are into this string. */
  title: string;
  map: TextMap;
  /** The heading that shows the title on the page, when there is one. */
  headline: TextMap | null;
}

export type Extraction = { readable: true; page: ExtractedPage } | { readable: false; reason: string };

/** Readability's article is kept only if it holds at least this share of the page's block text (as in the CLI). */
export const MIN_ARTICLE_SHARE = 0.25;

/** Headings looked at for the title; the headline is near the top. */
const HEADLINE_CANDIDATES = 20;

export async function extractPage(document: Document, slicing: Slicing): Promise<Extraction> {
  const reason = unreadableReason(document);
  if (reason) return { readable: false, reason };
  const root = document.body ?? document.documentElement;
  const walk = await runSliced(walkPage(root, { copy: true }), slicing);
  // Readability is the one step that cannot be sliced: it gets a task of its own.
  await pause(slicing);
  const article = readArticle(walk);
  await pause(slicing);
  const { kind, map } = await chooseText(walk, article, slicing);
  if (!/[\p{L}\p{N}]/u.test(map.text)) return { readable: false, reason: NO_TEXT_REASON };
  const title = collapse((kind === 'article' && article?.title) || document.title);
  return { readable: true, page: { kind, title, map, headline: findHeadline(document, title) } };
}

async function chooseText(walk: PageWalk, article: Article | null, slicing: Slicing): Promise<{ kind: PageKind; map: TextMap }> {
  const blocks = await runSliced(buildTextMap(walk.flow, (item) => !item.chrome), slicing);
  if (!article) return { kind: 'feed', map: blocks };
  const articleMap = await runSliced(buildTextMap(walk.flow, (item) => item.blank || article.has(item)), slicing);
  const isArticle = articleMap.text.length > 0 && articleMap.text.length >= MIN_ARTICLE_SHARE * blocks.text.length;
  return isArticle ? { kind: 'article', map: articleMap } : { kind: 'feed', map: blocks };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first visible h1/h2 whose text begins the title, so the headline finding can be marked. */
export function findHeadline(document: Document, title: string): TextMap | null {
  if (title === '') return null;
  const headings = Array.from(document.querySelectorAll('h1, h2')).slice(0, HEADLINE_CANDIDATES);
  for (const heading of headings) {
    if (isInsideEditable(heading)) continue;
    const map = runToEnd(buildTextMap(runToEnd(walkPage(heading)).flow));
    if (map.text !== '' && title.startsWith(map.text)) return map;
  }
  return null;
}
