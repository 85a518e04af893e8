import type { MethodName } from './channels';
import type { ApiResult, ArgsOf, ReturnOf } from './contract';

export type StudyApi = {
  [M in MethodName]: (...args: ArgsOf<M>) => Promise<ApiResult<ReturnOf<M>>>;
};

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Builds `window.api` from the [method, channel] list and one invoke function. It references nothing
 * outside its parameters, so the harness injects this very function's source into the page and gets the
 * same object the preload exposes through contextBridge.
 */
export function buildApi(channels: ReadonlyArray<readonly [string, string]>, invoke: Invoke): StudyApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [method, channel] of channels) {
    api[method] = (...args: unknown[]) => invoke(channel, ...args);
  }
  return Object.freeze(api) as unknown as StudyApi;
}
