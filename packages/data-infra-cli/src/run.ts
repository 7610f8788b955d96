import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check';
import { registerEscalation } from './commands/escalation';
import { registerExport } from './commands/export';
import { registerOncall } from './commands/oncall';
import { registerShifts } from './commands/shifts';
import { registerValidate } from './commands/validate';
import { CliError, CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './lib/io';

/**
 * Runs the CLI in-process: parses argv (without the node and script
 * entries), writes to io, and resolves to the exit code. Never throws and
 * never prints a stack trace; `main` turns the code into the process's.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('data-infra')
    .description('Validate and query the data-infra catalog: subteams, data services, rotations and escalation paths')
    // Settings made here are copied to every subcommand added below.
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    })
    .showHelpAfterError('(run data-infra help for usage)')
    .allowExcessArguments(false);

  registerValidate(program, io, setExit);
  registerOncall(program, io, setExit);
  registerShifts(program, io, setExit);
  registerEscalation(program, io, setExit);
  registerCheck(program, io, setExit);
  registerExport(program, io, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (or the help text).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`data-infra: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`data-infra: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

/** Entry point of bin/data-infra. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, { stdout: process.stdout, stderr: process.stderr });
}
