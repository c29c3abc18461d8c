// Classification metrics shared by training, evaluation and the model card.

export interface BinaryCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  support: number;
  n: number;
}

export function countBinary(scores: ArrayLike<number>, gold: ArrayLike<number>, threshold: number): BinaryCounts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i] >= threshold;
    if (gold[i] === 1) predicted ? counts.tp++ : counts.fn++;
    else predicted ? counts.fp++ : counts.tn++;
  }
  return counts;
}

export function metricsOf({ tp, fp, fn, tn }: BinaryCounts): BinaryMetrics {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const n = tp + fp + fn + tn;
  return { precision, recall, f1, accuracy: n === 0 ? 0 : (tp + tn) / n, support: tp + fn, n };
}

export function addCounts(a: BinaryCounts, b: BinaryCounts): BinaryCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

/**
 * The threshold that maximises F1 on (scores, gold). Ties go to the higher threshold
 * (fewer flags). With no positives, returns `fallback`.
 */
export function bestF1Threshold(scores: ArrayLike<number>, gold: ArrayLike<number>, fallback = 0.5): { threshold: number; f1: number } {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === 1) positives++;
  if (positives === 0) return { threshold: fallback, f1: 0 };
  let tp = 0;
  let fp = 0;
  let best = { threshold: fallback, f1: 0 };
  for (let k = 0; k < order.length; k++) {
    gold[order[k]] === 1 ? tp++ : fp++;
    // Only a point between two distinct scores is a usable cut.
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const f1 = (2 * tp) / (tp + fp + positives);
    if (f1 > best.f1) {
      const next = k + 1 < order.length ? scores[order[k + 1]] : 0;
      best = { threshold: (scores[order[k]] + next) / 2, f1 };
    }
  }
  return best;
}
