#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { exitCodeOf, presentError, TruceError } from '../platform/errors.js';
import { VERSION } from '../platform/version.js';
import { registerAudit } from './commands/audit.js';
import { registerKeys } from './commands/keys.js';
import { registerWitness } from './commands/witness.js';
import { registerAgreement } from './commands/agreement.js';
import { registerBulletin } from './commands/bulletin.js';
import { registerDemo } from './commands/demo.js';
import { registerDuplicates } from './commands/duplicates.js';
import { registerMission } from './commands/mission.js';
import { registerDb } from './commands/db.js';
import { registerExtract } from './commands/extract.js';
import { registerIncident } from './commands/incident.js';
import { registerIncidents } from './commands/incidents.js';
import { registerIngest } from './commands/ingest.js';
import { registerReview } from './commands/review.js';
import { registerStatements } from './commands/statements.js';
import { registerSearch } from './commands/search.js';
import { registerUser } from './commands/user.js';
import { registerServe } from './commands/serve.js';
import { registerExport } from './commands/export.js';
import { registerVerify } from './commands/export-proofs.js';
import { registerImport } from './commands/import.js';
import { registerFeed, registerWorker } from './commands/feed.js';
import { applyTheatre, registerTheatre } from './commands/theatre.js';

/** The `truce` command: one entry, each verb registered from its own module. */
export function buildProgram(): Command {
  const program = new Command('truce')
    .description('Truce: a sourced, verified, tamper-evident record of what happens under a ceasefire')
    .version(VERSION)
    .option(
      '--db <url>',
      'database: sqlite:PATH or postgres://… (default: $TRUCE_DATABASE_URL or sqlite:./data/truce.db)',
    )
    .option('--log-level <level>', 'debug, info, warn, error or silent (default: $TRUCE_LOG_LEVEL or info)')
    .option(
      '--theatre <packs>',
      'theatre packs in force, comma-separated names or .json files; international is always on (default: $TRUCE_THEATRE, else `truce theatre use`, else every shipped pack)',
    )
    .showHelpAfterError()
    .exitOverride();
  // The theatre is put in force once, before any command reads it; `truce theatre` reads packs itself.
  program.hook('preAction', async (_program, action) => {
    if (action.parent?.name() !== 'theatre') await applyTheatre(action);
  });
  registerServe(program);
  registerDb(program);
  registerAudit(program);
  registerKeys(program);
  registerWitness(program);
  registerIngest(program);
  registerIncidents(program);
  registerIncident(program);
  registerReview(program);
  registerDuplicates(program);
  registerStatements(program);
  registerSearch(program);
  registerUser(program);
  registerExtract(program);
  registerAgreement(program);
  registerMission(program);
  registerBulletin(program);
  registerDemo(program);
  registerExport(program);
  registerVerify(program);
  registerImport(program);
  registerFeed(program);
  registerWorker(program);
  registerTheatre(program);
  return program;
}

/** A reader that stops early (`truce incidents | head`) closes the pipe: stop quietly, as cat does. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  quietOnClosedPipe();
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    reportError(await asTruceError(error));
  }
}

/** Database failures the user can act on (disk full, read-only) become Truce errors. */
async function asTruceError(error: unknown): Promise<unknown> {
  if (error instanceof TruceError) return error;
  const { databaseError } = await import('../platform/db/dialect.js');
  return databaseError(error);
}

/** True when the command line asked for `--format json` (errors then come as JSON too). */
function asksForJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}

/** Prints an error for a person (or JSON when --format json was asked) and sets the exit code. */
function reportError(error: unknown): void {
  if (asksForJson(process.argv)) process.stderr.write(`${JSON.stringify(presentError(error))}\n`);
  else if (error instanceof TruceError) process.stderr.write(`truce: ${error.message}\n`);
  else
    process.stderr.write(
      `truce: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exitCode = exitCodeOf(error);
}

await main(process.argv);
