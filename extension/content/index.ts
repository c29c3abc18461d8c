// Content script entry (top frame): see controller.ts. The worker either registered it for the
// sites the user allowed (it reads the page as it loads) or injected it into this tab because
// the user asked (it waits for the worker's request): background/access.ts.
import { startContentScript } from './controller';
import { INJECTED_ON_REQUEST, STARTED } from './injection';

// Content scripts of this extension share one isolated world per frame: start once even if
// the script is injected again. Page scripts can't see or set these properties.
const world = globalThis as Record<symbol, unknown>;
if (!world[STARTED]) world[STARTED] = startContentScript({ autoScan: world[INJECTED_ON_REQUEST] !== true });
