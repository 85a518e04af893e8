/** Error codes the API hands to the renderer; each comes with a sentence a user can act on. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-ref'
  | 'unknown-method'
  | 'forbidden'
  | 'unsafe-url'
  | 'io'
  | 'read-only'
  | 'cancelled'
  | 'internal';

export class StudyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StudyError';
  }
}

/** The data file exists but cannot be read as a Studyshelf document. Never overwritten. */
export class DataFileCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'empty' | 'nul-filled' | 'not-json' | 'schema',
    detail?: string,
  ) {
    super(`The data file ${file} cannot be read (${reason}${detail ? `: ${detail}` : ''}).`);
    this.name = 'DataFileCorruptError';
  }
}
