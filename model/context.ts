// The context indexes next to the classifier (source lists, debunked claims, rewording table),
// built from their parsed artifacts. One builder for the worker, scan and the tests.
import type { AnalysisContext } from './analyze';
import { createClaimIndex } from './claims';
import { createRewriter } from './rewording';
import { createSourceIndex } from './sources';

/** The artifact files, relative to the model directory. */
export const CONTEXT_FILES = { sources: 'sources.json', claims: 'claims.json', rewording: 'rewording.json' } as const;

export interface ContextArtifacts {
  sources?: unknown;
  claims?: unknown;
  rewording?: unknown;
}

/** Builds whichever indexes were given; the claim index costs ~0.4 s, the others a few ms. */
export function createAnalysisContext(artifacts: ContextArtifacts): AnalysisContext {
  return {
    ...(artifacts.sources !== undefined ? { sources: createSourceIndex(artifacts.sources) } : {}),
    ...(artifacts.claims !== undefined ? { claims: createClaimIndex(artifacts.claims) } : {}),
    ...(artifacts.rewording !== undefined ? { rewriter: createRewriter(artifacts.rewording) } : {}),
  };
}
