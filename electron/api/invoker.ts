import type { EventName, MethodName } from './channels';
import type { ApiResult, ArgsOf, PayloadOf, ReturnOf } from './contract';

export type StudyApi = {
  [M in MethodName]: (...args: ArgsOf<M>) => Promise<ApiResult<ReturnOf<M>>>;
} & {
  /** Listens to an event main sends; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
};

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;
type Pairs = ReadonlyArray<readonly [string, string]>;

/**
 * Builds `window.api` from the [name, channel] lists and one invoke and one subscribe function. It
 * references nothing outside its parameters, so the harness injects this very function's source into
 * the page and gets the same object the preload exposes through contextBridge.
 */
export function buildApi(methods: Pairs, invoke: Invoke, events: Pairs, subscribe: Subscribe): StudyApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of methods) {
    api[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  const eventChannels = new Map(events);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const channel = eventChannels.get(event);
    if (!channel || typeof listener !== 'function') throw new TypeError(`Unknown event: ${String(event)}`);
    return subscribe(channel, (payload) => listener(payload));
  };
  return Object.freeze(api) as unknown as StudyApi;
}
