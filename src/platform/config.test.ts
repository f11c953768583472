import { describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl, parseTheatre, theatreSelection } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded SQLite file, port 8787 and info logging', () => {
    const config = loadConfig({}, {});
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.url).toBe('sqlite:./data/truce.db');
    expect(config.port).toBe(8787);
    expect(config.logLevel).toBe('info');
  });

  it('lets the flag win over the environment', () => {
    const config = loadConfig(
      { db: 'postgres://postgres@127.0.0.1:5432/truce' },
      { TRUCE_DATABASE_URL: 'sqlite:/tmp/x.db' },
    );
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/truce' });
  });

  it.each([
    [{ db: 'mysql://x' }, /--db \/ TRUCE_DATABASE_URL: must be sqlite:PATH .* or postgres:\/\//],
    [{ db: 'sqlite:' }, /sqlite path is empty/],
    [{ port: '80000' }, /--port \/ TRUCE_PORT: must be an integer from 1 to 65535; got "80000"/],
    [{ port: 'http' }, /--port/],
    [{ logLevel: 'loud' }, /--log-level \/ TRUCE_LOG_LEVEL: must be one of debug, info, warn, error, silent/],
  ])('names the setting and what is allowed for %o', (overrides, message) => {
    expect(() => loadConfig(overrides, {})).toThrow(message);
  });

  it('resolves a relative sqlite path to an absolute one', () => {
    const db = parseDatabaseUrl('sqlite:data/t.db');
    expect(db.kind === 'sqlite' && db.path.startsWith('/')).toBe(true);
  });

  it('takes the theatre from --theatre, else TRUCE_THEATRE, else the saved choice, else every pack', () => {
    const env = { TRUCE_THEATRE: 'nagorno-karabakh' };
    expect(theatreSelection({ theatre: 'donbas-2015', savedTheatre: 'x' }, env)).toEqual(['donbas-2015']);
    expect(theatreSelection({ savedTheatre: 'donbas-2015' }, env)).toEqual(['nagorno-karabakh']);
    expect(theatreSelection({ savedTheatre: 'donbas-2015' }, {})).toEqual(['donbas-2015']);
    expect(theatreSelection({}, {})).toEqual([]);
  });

  it('reads a comma-separated theatre selection of names and files, each once', () => {
    expect(parseTheatre(' donbas-2015, ./packs/mali.json ,,donbas-2015')).toEqual([
      'donbas-2015',
      './packs/mali.json',
    ]);
    expect(() => parseTheatre('Donbas 2015', 'TRUCE_THEATRE')).toThrow(
      /TRUCE_THEATRE: must be pack names \(lower-case letters, digits, "-"\) or \.json files, separated by commas; got "Donbas 2015"/,
    );
  });
});
