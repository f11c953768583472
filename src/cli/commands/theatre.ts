import type { Command } from 'commander';
import { parseFormat } from '../context.js';

/**
 * `truce theatre list | show NAME | validate FILE | use NAME|FILE…`: the theatre packs shipped
 * and in force, one pack's contents, a pack checked before use, and the choice saved for later
 * commands (in `./data/theatre`; `--theatre` and `TRUCE_THEATRE` override it).
 */
export function registerTheatre(program: Command): void {
  const theatre = program
    .command('theatre')
    .description('theatre packs: the parties, actors and places of a conflict, as data');
  theatre
    .command('list')
    .description('the shipped packs, and which are in force')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { format?: string }, command: Command) => {
      const format = parseFormat(opts.format, ['text', 'json']);
      const { readPack, shippedPackNames } = await import('../../theatre/pack-io.js');
      const { summarizePack } = await import('../../theatre/summary.js');
      const selection = await selectionOf(command);
      const active = (name: string) =>
        name === 'international' || selection.length === 0 || selection.includes(name);
      const rows = shippedPackNames().map((name) => ({
        ...summarizePack(readPack(name).pack),
        active: active(name),
      }));
      const extra = selection.filter((s) => !rows.some((r) => r.name === s));
      if (format === 'json') return print(JSON.stringify({ packs: rows, extra }, null, 2));
      for (const r of rows) print(`${r.active ? '*' : ' '} ${r.name.padEnd(20)} ${r.title}`);
      for (const file of extra) print(`* ${file}`);
      print('(* in force; international is always on)');
    });
  theatre
    .command('show')
    .description('one pack: its parties, and its actors and places by kind')
    .argument('<pack>', 'a shipped pack name or a .json file')
    .option('--format <format>', 'text, or json (the whole validated pack)', 'text')
    .action(async (name: string, opts: { format?: string }) => {
      const format = parseFormat(opts.format, ['text', 'json']);
      const { readPack } = await import('../../theatre/pack-io.js');
      const { summarizePack, summaryLines } = await import('../../theatre/summary.js');
      const { pack } = readPack(name);
      if (format === 'json') print(JSON.stringify(pack, null, 2));
      else summaryLines(summarizePack(pack)).forEach(print);
    });
  theatre
    .command('validate')
    .description('check a pack file alone and with the packs it builds on; exit 2 naming file, path and rule')
    .argument('<file>', 'the pack file (JSON)')
    .option('--with <packs>', 'packs it is used with besides international, comma-separated')
    .action(async (file: string, opts: { with?: string }) => {
      const { parseTheatre } = await import('../../platform/config.js');
      const { loadTheatre, readPack } = await import('../../theatre/pack-io.js');
      const { pack } = readPack(file);
      loadTheatre([...parseTheatre(opts.with ?? '', '--with'), file]);
      print(
        `${file}: valid theatre pack "${pack.name}" (${pack.parties.length} parties, ${pack.actors.length} actors, ${pack.places.length} places)`,
      );
    });
  theatre
    .command('use')
    .description('choose the packs in force for later commands (saved in ./data/theatre)')
    .argument('[packs...]', 'shipped pack names or .json files; international is always on')
    .option('--clear', 'forget the saved choice: every shipped pack is in force again')
    .action(async (packs: string[], opts: { clear?: boolean }) => {
      const { invalid } = await import('../../platform/errors.js');
      const { parseTheatre } = await import('../../platform/config.js');
      const { loadTheatre } = await import('../../theatre/pack-io.js');
      const { clearSavedTheatre, saveTheatre } = await import('../../theatre/selection-io.js');
      if (opts.clear === true) {
        clearSavedTheatre();
        return print('saved theatre cleared: every shipped pack is in force');
      }
      if (packs.length === 0)
        throw invalid('packs', 'name at least one pack or .json file (or pass --clear)');
      const selection = parseTheatre(packs.join(','), 'packs');
      const theatre = loadTheatre(selection);
      const file = saveTheatre(selection);
      print(`theatre in force: ${theatre.packs.join(', ')}`);
      print(`saved to ${file}; --theatre or TRUCE_THEATRE=${selection.join(',')} override it`);
    });
}

/** The selection the configuration gives (flag, environment, saved file), without loading it. */
async function selectionOf(command: Command): Promise<string[]> {
  const { theatreSelection } = await import('../../platform/config.js');
  const { readSavedTheatre } = await import('../../theatre/selection-io.js');
  const { theatre } = command.optsWithGlobals<{ theatre?: string }>();
  return theatreSelection({ theatre, savedTheatre: readSavedTheatre() }, process.env);
}

/**
 * Puts the configured theatre in force for this process, once, before any command reads it:
 * `--theatre`, else `TRUCE_THEATRE`, else the saved choice, else every shipped pack. A bad pack
 * stops the command with the file, the path inside it and the rule.
 *
 * @example await applyTheatre(command) // ['international', 'my-conflict']
 */
export async function applyTheatre(command: Command): Promise<readonly string[]> {
  const { useTheatres } = await import('../../theatre/active.js');
  return useTheatres(await selectionOf(command)).packs;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
