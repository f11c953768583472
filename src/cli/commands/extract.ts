import type { Command } from 'commander';

/** Placeholder: the extraction capability registers `truce extract` here. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('turn articles into sourced, structured facts (not built yet)')
    .action(() => {
      throw new Error('truce extract is not built yet');
    });
}
