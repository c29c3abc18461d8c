// Saved page -> article text, for `scan`: @mozilla/readability on a linkedom DOM, with each
// block on its own paragraph so sentences never run across blocks.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
// The content script's rule, so the CLI and the extension read the same text from a page.
import { MIN_ARTICLE_SHARE } from '../../extension/content/extract';

export interface ExtractedArticle {
  title: string;
  text: string;
  /** The page's own address (canonical link or og:url), when it states one. */
  url?: string;
  /** 'readability' when an article was found, 'blocks' for the page's visible text blocks. */
  method: 'readability' | 'blocks';
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,th,dd,dt';
const SKIP = 'script,style,noscript,template,svg,nav,footer,header,aside,form';

function blockTexts(root: ParentNode): string[] {
  const texts: string[] = [];
  for (const element of Array.from(root.querySelectorAll(BLOCKS))) {
    // Nested blocks (a <p> inside an <li>) are read once, at the innermost level.
    if (element.querySelector(BLOCKS)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  }
  return texts;
}


function readabilityArticle(html: string): { title: string; texts: string[] } | undefined {
  try {
    // Readability mutates the document it is given: hand it a copy.
    const article = new Readability(parseHTML(html).document as unknown as Document).parse();
    if (!article?.content) return undefined;
    return { title: article.title ?? '', texts: blockTexts(parseHTML(`<html><body>${article.content}</body></html>`).document.body) };
  } catch {
    // linkedom gives Readability no usable document for markup without tags (plain text, empty files).
    return undefined;
  }
}

export function extractArticle(html: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
  const pageTitle = (document.querySelector('title')?.textContent ?? '').trim();
  const article = readabilityArticle(html);
  for (const element of Array.from(document.querySelectorAll(SKIP))) element.remove();
  // linkedom has no body (its getter throws) for markup without a single tag.
  const body = document.documentElement ? document.body : null;
  const blocks = body ? blockTexts(body) : [];
  const length = (texts: string[]) => texts.reduce((sum, t) => sum + t.length, 0);
  if (article && article.texts.length > 0 && length(article.texts) >= MIN_ARTICLE_SHARE * length(blocks)) {
    return { title: (article.title || pageTitle).trim(), text: article.texts.join('\n\n'), url: url || undefined, method: 'readability' };
  }
  const text = blocks.length > 0 ? blocks.join('\n\n') : (body?.textContent ?? html.replace(/<[^>]*>/g, ' ')).replace(/[ \t]+/g, ' ').trim();
  return { title: pageTitle, text, url: url || undefined, method: 'blocks' };
}
