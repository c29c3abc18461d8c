// Scoring a round: each item (headline or sentence) the participant marked or not, against the
// author's key. Unspin's agreement with the key is scored the same way, for comparison.

export interface ItemOutcome {
  marked: boolean;
  /** The author put a technique in. */
  keyed: boolean;
  /** Unspin flagged it. */
  flagged: boolean;
}

export interface RoundScore {
  /** Items where the mark agrees with the key (marked and keyed, or neither). */
  correct: number;
  total: number;
  /** Keyed items the participant marked. */
  found: number;
  keyed: number;
  marked: number;
  /** Marked items the author left neutral. */
  falseMarks: number;
  /** Items where Unspin's flag agrees with the key. */
  unspinCorrect: number;
  /** found / marked (1 when nothing marked and nothing keyed). */
  precision: number;
  /** found / keyed (1 when nothing keyed). */
  recall: number;
}

export function scoreRound(items: readonly ItemOutcome[]): RoundScore {
  let correct = 0, found = 0, keyed = 0, marked = 0, falseMarks = 0, unspinCorrect = 0;
  for (const item of items) {
    if (item.marked === item.keyed) correct++;
    if (item.flagged === item.keyed) unspinCorrect++;
    if (item.keyed) keyed++;
    if (item.marked) marked++;
    if (item.marked && item.keyed) found++;
    if (item.marked && !item.keyed) falseMarks++;
  }
  return {
    correct,
    total: items.length,
    found,
    keyed,
    marked,
    falseMarks,
    unspinCorrect,
    precision: marked === 0 ? (keyed === 0 ? 1 : 0) : found / marked,
    recall: keyed === 0 ? 1 : found / keyed,
  };
}

/** The running score of a session (kept in sessionStorage: gone when the browser closes). */
export interface SessionScore {
  rounds: number;
  correct: number;
  total: number;
  /** Article ids already scored (a round scores once). */
  articles: string[];
}

export const EMPTY_SESSION: SessionScore = { rounds: 0, correct: 0, total: 0, articles: [] };
const STORAGE_KEY = 'unspin-workshop-session';

/** Adds a round; an article already scored this session replaces nothing and counts once. */
export function addRound(session: SessionScore, articleId: string, round: RoundScore): SessionScore {
  if (session.articles.includes(articleId)) return session;
  return { rounds: session.rounds + 1, correct: session.correct + round.correct, total: session.total + round.total, articles: [...session.articles, articleId] };
}

export function loadSession(storage: Pick<Storage, 'getItem'> | undefined): SessionScore {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return EMPTY_SESSION;
    const value = JSON.parse(raw) as Partial<SessionScore>;
    const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
    const articles = Array.isArray(value.articles) ? value.articles.filter((a): a is string => typeof a === 'string') : [];
    const session = { rounds: n(value.rounds), correct: n(value.correct), total: n(value.total), articles };
    return session.correct <= session.total ? session : EMPTY_SESSION;
  } catch {
    return EMPTY_SESSION;
  }
}

export function saveSession(storage: Pick<Storage, 'setItem'> | undefined, session: SessionScore): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage full or unavailable: the score lives in memory only.
  }
}
