import { StudyError } from '../../data/model/errors';
import { methods, type ApiResult, type MethodName, type StudyHandlers } from './contract';

/**
 * The single entry point for every call from a renderer: checks the method exists, parses the
 * untrusted arguments with its schema, runs the handler, and turns any failure into a typed result with
 * a sentence a user can read. Nothing is changed when the arguments are rejected.
 */
export async function dispatch(
  handlers: StudyHandlers,
  method: unknown,
  args: unknown,
  log: (error: unknown) => void = (error) => console.error(error),
): Promise<ApiResult<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
    return fail('unknown-method', 'The app asked for something this version does not offer.');
  }
  const name = method as MethodName;
  const parsed = methods[name].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
    return fail('invalid-argument', `The request was not valid${where}: ${issue?.message ?? 'bad arguments'}.`);
  }
  try {
    const handler = handlers[name] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await handler(...parsed.data) };
  } catch (error) {
    if (error instanceof StudyError) return fail(error.code, error.message);
    log(error);
    return fail('internal', 'Something went wrong inside Studyshelf. Please try again.');
  }
}

function fail(code: StudyError['code'], message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
