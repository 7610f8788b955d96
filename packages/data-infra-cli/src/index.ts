/**
 * The data-infra CLI: validates catalog-info files and answers who is on
 * call, what a rotation's shifts are, how a service escalates and what the
 * checks find. `run` is the whole CLI as a function, for tests and tools.
 *
 * @packageDocumentation
 */
export { run, main } from './run';
export type { CliIo } from './lib/io';
export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL } from './lib/io';
export type { OnCallEntry } from './commands/oncall';
