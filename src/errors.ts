/**
 * Operational failures that end a run with exit code 2 and a message (no stack): bad flags,
 * a bad configuration, input that cannot be found. Anything else is a crash.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly hint?: string, options?: ErrorOptions) { super(message, options); }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(message: string, readonly hint?: string, options?: ErrorOptions) { super(message, options); }
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string, readonly hint?: string, options?: ErrorOptions) { super(message, options); }
}

/** Whether an error is one of ours (printed without a stack). */
export function isKnownError(e: unknown): e is UsageError | ConfigError | InputError {
  return e instanceof UsageError || e instanceof ConfigError || e instanceof InputError;
}
