// Content script entry (run_at document_idle, top frame): see controller.ts.
import { startContentScript } from './controller';

// Content scripts of this extension share one isolated world per frame: start once even if
// the script is injected again. Page scripts can't see or set this property.
const STARTED = Symbol.for('unspin.content-script');
const world = globalThis as Record<symbol, unknown>;
if (!world[STARTED]) world[STARTED] = startContentScript();
