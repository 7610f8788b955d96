/** Where a command writes; process.stdout/stderr in the real CLI, buffers in tests. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** The current instant in epoch ms; injectable so tests do not depend on the clock. */
  now?: () => number;
}

/**
 * Exit codes, documented in the README: 1 means the catalog has problems,
 * 2 means the command line is wrong, 3 is a bug in the CLI itself.
 */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/**
 * An error meant for the user: `run` prints its message as one line on
 * stderr (no stack trace) and exits with its code.
 */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
  }
}
