// Unspin's content-script world in a page, reached through DevTools (a CDP session per page):
// what the content script keeps there — the painted marks, its step timings — is out of the
// page's reach (the page's main world has another global object), so tests and the benchmark read
// it in that world, by its execution context. Also the overlay's boxes, read from the DOM tree
// with shadow roots pierced, closed ones included.
import type { CDPSession, Page } from 'playwright-core';

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** The isolated world of an extension's content script in a page's top frame. */
export class IsolatedWorld {
  private readonly contexts = new Map<number, ContextDescription>();
  private mainFrameId = '';

  private constructor(
    readonly cdp: CDPSession,
    private readonly extensionId?: string,
  ) {}

  /** `extensionId`: whose world (default: any extension's, when only Unspin is loaded). */
  static async attach(page: Page, extensionId?: string): Promise<IsolatedWorld> {
    const cdp = await page.context().newCDPSession(page);
    const world = new IsolatedWorld(cdp, extensionId);
    cdp.on('Runtime.executionContextCreated', ({ context }) => world.contexts.set(context.id, context as ContextDescription));
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => world.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => world.contexts.clear());
    // Runtime.enable reports every existing context before it returns.
    await cdp.send('Runtime.enable');
    world.mainFrameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    return world;
  }

  /** The content script's execution context in the top frame, once the script runs there. */
  contextId(): number | undefined {
    const prefix = `chrome-extension://${this.extensionId ?? ''}`;
    for (const context of this.contexts.values()) {
      if (context.auxData?.type === 'isolated' && context.auxData.frameId === this.mainFrameId && context.origin.startsWith(prefix)) return context.id;
    }
    return undefined;
  }

  /** The page's own world in the top frame. */
  mainContextId(): number | undefined {
    for (const context of this.contexts.values()) if (context.auxData?.isDefault && context.auxData.frameId === this.mainFrameId) return context.id;
    return undefined;
  }

  /** `expression`'s value in the content script's world; undefined while there is none (a page loading). */
  evaluate<T>(expression: string): Promise<T | undefined> {
    return this.evaluateIn(this.contextId(), expression);
  }

  /** The same in the page's main world. */
  main<T>(expression: string): Promise<T | undefined> {
    return this.evaluateIn(this.mainContextId(), expression);
  }

  private async evaluateIn<T>(contextId: number | undefined, expression: string): Promise<T | undefined> {
    if (contextId === undefined) return undefined;
    try {
      const result = await this.cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true, awaitPromise: true });
      if (result.exceptionDetails) throw new Error(`in the page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
      return result.result.value as T;
    } catch (error) {
      // The page navigated since the context was reported: there is no world to read (yet).
      if (/Cannot find context|Execution context was destroyed/.test(String(error))) {
        this.contexts.delete(contextId);
        return undefined;
      }
      throw error;
    }
  }

  /** The overlay's boxes as drawn (drawnBoxes below), measured in this world. */
  boxes(): Promise<DrawnBox[]> {
    return drawnBoxes(this.cdp, this.contextId());
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** One of the overlay's boxes as drawn: its mark ('low' … 'claim', 'focus'), its inline style and its viewport rectangle. */
export interface DrawnBox {
  mark: string;
  style: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/**
 * The overlay's boxes (elements with data-mark in a closed shadow root of one of the root element's
 * children, where Unspin's host lives), found in the page's DOM as DevTools sees it, with their
 * on-screen rectangles: what is drawn, not what the painter says it drew.
 */
export async function drawnBoxes(cdp: CDPSession, executionContextId?: number): Promise<DrawnBox[]> {
  // Only the root's children, then each one's own subtree: a whole-document tree of a page nested
  // thousands deep is more than DevTools can send.
  const { root } = (await cdp.send('DOM.getDocument', { depth: 3, pierce: true })) as { root: DomNode };
  const html = root.children?.find((node) => node.nodeType === 1);
  const found: { mark: string; style: string; backendNodeId: number }[] = [];
  const visit = (node: DomNode, inClosedRoot: boolean) => {
    // Attributes come as a flat [name, value, name, value, …] list.
    const attributes = node.attributes ?? [];
    const attribute = (name: string): string | undefined => {
      for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
      return undefined;
    };
    const mark = attribute('data-mark');
    if (inClosedRoot && node.nodeType === 1 && mark) found.push({ mark, style: attribute('style') ?? '', backendNodeId: node.backendNodeId });
    for (const child of node.children ?? []) visit(child, inClosedRoot);
    for (const shadow of node.shadowRoots ?? []) visit(shadow, inClosedRoot || shadow.shadowRootType === 'closed');
  };
  for (const child of html?.children ?? []) {
    if (child.nodeType !== 1 || !child.shadowRoots?.length) continue;
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: child.backendNodeId, depth: -1, pierce: true })) as { node: DomNode };
    visit(node, false);
  }
  const boxes: DrawnBox[] = [];
  for (const { mark, style, backendNodeId } of found) {
    // Measured in the given world (the content script's): a page may have replaced its own world's built-ins.
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId, executionContextId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { const r = Element.prototype.getBoundingClientRect.call(this); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId! }).catch(() => undefined);
    boxes.push({ mark, style, ...(result.value as Omit<DrawnBox, 'mark' | 'style'>) });
  }
  return boxes;
}
