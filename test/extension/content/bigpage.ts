// A long article page (about 10,000 words) with the usual markup around and inside it.
const WORDS = ['council', 'budget', 'harbour', 'residents', 'said', 'the', 'plan', 'would', 'take', 'effect', 'next', 'spring', 'after', 'a', 'long', 'debate', 'about', 'costs', 'and', 'schools'];

function sentence(seed: number): string {
  const words = Array.from({ length: 10 }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  words[3] = `<b>${words[3]}</b>`;
  words[6] = `<a href="/w/${seed}">${words[6]}</a>`;
  return `${words.join(' ')}.`;
}

export function bigArticleHtml(paragraphs = 500): string {
  const body = Array.from({ length: paragraphs }, (_, p) => `<p>${sentence(p)} ${sentence(p + 1)}</p>`).join('\n');
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  return `<!doctype html><html><head><title>A very long report | Paper</title></head><body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>A very long report</h1>${body}</article></main><aside><p>Most read: something else.</p></aside><footer>© Paper</footer></body></html>`;
}
