// Platt scaling: calibrated = sigmoid(a * logit(raw) + b), one (a, b) per label, fitted on the
// validation split so that a displayed "70%" means about 70% of such sentences were labelled so.

export interface Platt {
  a: number;
  b: number;
}

export const IDENTITY: Platt = { a: 1, b: 0 };

export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return Math.log(q / (1 - q));
}

export function calibrate(raw: number, { a, b }: Platt): number {
  return 1 / (1 + Math.exp(-(a * logit(raw) + b)));
}

/** Fit (a, b) by Newton's method on the log-loss, with Platt's smoothed targets against overfitting. */
export function fitPlatt(raw: ArrayLike<number>, gold: ArrayLike<number>): Platt {
  const n = raw.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (gold[i] === 1) positives++;
  if (positives === 0 || positives === n) return IDENTITY;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (n - positives + 2);
  const x = Array.from({ length: n }, (_, i) => logit(raw[i]));
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(a * x[i] + b)));
      const d = p - (gold[i] === 1 ? hi : lo);
      const w = p * (1 - p);
      ga += d * x[i];
      gb += d;
      haa += w * x[i] * x[i];
      hab += w * x[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Math.round(a * 1e6) / 1e6, b: Math.round(b * 1e6) / 1e6 };
}

/** Expected calibration error over 10 equal-width bins. */
export function expectedCalibrationError(scores: ArrayLike<number>, gold: ArrayLike<number>): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, score: 0, positive: 0 }));
  for (let i = 0; i < scores.length; i++) {
    const bin = bins[Math.min(9, Math.floor(scores[i] * 10))];
    bin.n++;
    bin.score += scores[i];
    bin.positive += gold[i] === 1 ? 1 : 0;
  }
  let error = 0;
  for (const bin of bins) if (bin.n > 0) error += (bin.n / scores.length) * Math.abs(bin.score / bin.n - bin.positive / bin.n);
  return error;
}
