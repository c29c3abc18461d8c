// Technique guidance: every label has complete, distinct, plain-language texts.
import { describe, expect, it } from 'vitest';
import { GUIDANCE, guidanceFor } from '../../model/guidance';
import { LABELS, TECHNIQUE_NAMES } from '../../model/labels';

describe('guidance', () => {
  it('covers every label the model outputs, each field filled in', () => {
    expect(Object.keys(GUIDANCE).sort()).toEqual([...LABELS].sort());
    for (const label of LABELS) {
      const g = guidanceFor(label);
      for (const field of ['name', 'what', 'why', 'ask', 'example', 'restatement'] as const) expect(g[field].trim().length, `${label}.${field}`).toBeGreaterThan(3);
      expect(g.ask.endsWith('?'), `${label}: the question ends with a question mark`).toBe(true);
    }
  });

  it('gives the 23 techniques distinct names, questions and examples', () => {
    for (const field of ['name', 'ask', 'example'] as const) {
      const values = TECHNIQUE_NAMES.map((t) => guidanceFor(t)[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it('keeps explanations to two short sentences and restatements as fill-in templates', () => {
    for (const technique of TECHNIQUE_NAMES) {
      const g = guidanceFor(technique);
      expect(g.what.length + g.why.length).toBeLessThan(200);
      expect(g.restatement).toMatch(/\[[^\]]+\]/);
    }
  });
});
