// The model manifest (model/artifacts/manifest.json): everything needed besides the ONNX
// weights to turn scores into findings, plus how the model was made and how well it does.
import type { Platt } from './calibration';
import type { FeatureConfig } from './features';
import { LABELS, TECHNIQUES, type Coarse, type Label } from './labels';
import type { NetworkShape } from './network';

export interface DataFileVersion {
  file: string;
  sha256: string;
  rows: number;
}

export interface ModelManifest {
  format: 1;
  name: string;
  /** First 12 hex digits of the ONNX file's SHA-256. */
  version: string;
  modelFile: string;
  modelSha256: string;
  modelBytes: number;
  labels: Label[];
  techniques: { name: string; coarse: Coarse }[];
  /** Platt scaling per label, applied to the network's raw scores before anything else. */
  calibration: Record<Label, Platt>;
  /** Decision threshold per label on the calibrated score, tuned on the validation split. */
  thresholds: Record<Label, number>;
  /** Per-language overrides where the validation split had enough positives. */
  languageThresholds: Record<string, Partial<Record<Label, number>>>;
  features: FeatureConfig;
  network: NetworkShape;
  languages: string[];
  training: Record<string, unknown> & { seed: number; data: DataFileVersion[] };
  metrics: Record<string, unknown>;
}

export class ManifestError extends Error {}

/** Check that a parsed manifest matches this code's label registry and has every threshold. */
export function validateManifest(value: unknown): ModelManifest {
  const manifest = value as ModelManifest;
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== 1) throw new ManifestError('model manifest: unknown format');
  if (JSON.stringify(manifest.labels) !== JSON.stringify(LABELS)) throw new ManifestError('model manifest: labels differ from model/labels.ts; retrain');
  if (JSON.stringify(manifest.techniques.map((t) => [t.name, t.coarse])) !== JSON.stringify(TECHNIQUES)) throw new ManifestError('model manifest: techniques differ from model/labels.ts');
  for (const label of LABELS) {
    const t = manifest.thresholds?.[label];
    if (typeof t !== 'number' || !(t > 0 && t < 1)) throw new ManifestError(`model manifest: bad threshold for ${label}`);
    const c = manifest.calibration?.[label];
    if (!c || !Number.isFinite(c.a) || !Number.isFinite(c.b)) throw new ManifestError(`model manifest: bad calibration for ${label}`);
  }
  if (manifest.network.outputs !== LABELS.length) throw new ManifestError('model manifest: network outputs differ from labels');
  return manifest;
}

/** How readily the model flags: every decision threshold moves together, in logit space. */
export type Sensitivity = 'cautious' | 'balanced' | 'sensitive';
export const SENSITIVITIES: readonly Sensitivity[] = ['cautious', 'balanced', 'sensitive'];
/**
 * Logit shift of the validation-tuned (F1-best) thresholds. 'cautious' (the extension's default)
 * flags only clearer cases, for few false positives; precision and recall of each level on the
 * test split are in model/README.md ("Sensitivity levels").
 */
export const SENSITIVITY_SHIFT: Record<Sensitivity, number> = { cautious: 1, balanced: 0, sensitive: -1 };

/** A threshold moved by a sensitivity level, kept inside (0, 1). */
export function shiftThreshold(threshold: number, sensitivity: Sensitivity): number {
  const shift = SENSITIVITY_SHIFT[sensitivity];
  if (shift === 0) return threshold;
  const moved = 1 / (1 + Math.exp(-(Math.log(threshold / (1 - threshold)) + shift)));
  return Math.round(Math.min(0.999, Math.max(0.001, moved)) * 10000) / 10000;
}

export function thresholdFor(manifest: ModelManifest, label: Label, language: string, sensitivity: Sensitivity = 'balanced'): number {
  return shiftThreshold(manifest.languageThresholds[language]?.[label] ?? manifest.thresholds[label], sensitivity);
}
