import type { AnyNode, Element } from 'domhandler';
import { hasChildren, isTag, isText } from 'domhandler';

/**
 * Walks over a parsed file with an explicit stack, never by recursion: how deep a file nests decides
 * nothing here. The walks are generators that yield the count of nodes visited every few hundred nodes,
 * so a caller can run them whole (runWhole) or a slice at a time, awaiting between (runInSlices).
 */
export type Steps<T> = Generator<number, T, void>;

const YIELD_EVERY = 256;
/** Nodes between two reports at most, and time between two at most: a walk never holds main longer. */
const SLICE_NODES = 4096;
const SLICE_MS = 10;

export function runWhole<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps`, awaiting `between(visited)` at least every SLICE_NODES nodes or SLICE_MS ms, and once at the end. */
export async function runInSlices<T>(steps: Steps<T>, between: (visited: number) => Promise<void>): Promise<T> {
  let since = performance.now();
  let reported = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value - reported >= SLICE_NODES || performance.now() - since > SLICE_MS) {
      reported = step.value;
      await between(step.value);
      since = performance.now();
    }
  }
}

/** What `enter` says about an element's children: walk them with this context, skip them, or stop the walk. */
export const SKIP = Symbol('skip');
export const STOP = Symbol('stop');

/**
 * Every element under `roots` in document order (as domutils' findAll), each with the context its
 * parent's `enter` gave its children. Yields and returns the count of elements visited, on from `start`.
 */
export function* walkElements<C>(roots: readonly AnyNode[], context: C, enter: (element: Element, context: C) => C | typeof SKIP | typeof STOP, start = 0): Steps<number> {
  const stack: Array<{ nodes: readonly AnyNode[]; index: number; context: C }> = [{ nodes: roots, index: 0, context }];
  let visited = start;
  for (let nodes = 1; stack.length > 0; nodes++) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    if (nodes % YIELD_EVERY === 0) yield visited;
    if (!isTag(node)) continue;
    visited++;
    const inner = enter(node, frame.context);
    if (inner === STOP) break;
    if (inner !== SKIP && node.children.length > 0) stack.push({ nodes: node.children, index: 0, context: inner });
  }
  return visited;
}

/** The first element under `roots` passing `test`, in document order (as domutils' findOne). */
export function* findFirst(test: (element: Element) => boolean, roots: readonly AnyNode[], start = 0): Steps<{ found: Element | null; visited: number }> {
  let found: Element | null = null;
  const visited = yield* walkElements(roots, null, (element) => {
    if (!test(element)) return null;
    found = element;
    return STOP;
  }, start);
  return { found, visited };
}

/**
 * The text of a node and what it holds, as domutils' textContent, but at most about `maxChars`
 * characters and `maxNodes` nodes: a title or a description, never a whole file again for each link.
 */
export function textOf(node: AnyNode, maxChars = 4000, maxNodes = 4000): string {
  let text = '';
  const stack: AnyNode[] = [node];
  for (let seen = 0; stack.length > 0 && text.length < maxChars && seen < maxNodes; seen++) {
    const next = stack.pop()!;
    if (isText(next)) text += next.data;
    else if (hasChildren(next)) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return text;
}

export const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
