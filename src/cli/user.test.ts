import { expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { findTokenUser } from '../server/auth/session-store.js';

describeEachDatabase('truce user: passwords, tokens, disabling', (t) => {
  const cli = (args: string[], input?: string) => runCli(['--db', t.config.url, 'user', ...args], { input });

  it('refuses a common password and one built on the user name, with exit 2 naming the password', () => {
    for (const [name, password] of [
      ['cli-weak', 'password123'],
      ['cli-weak2', 'aaaaaaaaaa'],
      ['mariam', 'mariam.mariam.2024'],
    ] as const) {
      const result = cli(['add', name, '--role', 'analyst', '--password-stdin'], `${password}\n`);
      expect(result.status, password).toBe(2);
      expect(result.stderr).toMatch(/password: /);
    }
  });

  it('mints a token, disables the account (the token stops working), and the chain still verifies', async () => {
    expect(
      cli(['add', 'cli-leaver', '--role', 'monitor', '--password-stdin'], 'walnut harbour lights\n').status,
    ).toBe(0);
    const minted = cli(['token', 'cli-leaver', '--name', 'field tablet']);
    expect(minted.status).toBe(0);
    const secret = minted.stdout.trim();
    expect((await findTokenUser(t.db, secret))?.user.username).toBe('cli-leaver');
    const disabled = cli(['disable', 'cli-leaver']);
    expect(disabled.stdout).toMatch(/disabled: 0 sessions ended, 1 tokens revoked/);
    expect(await findTokenUser(t.db, secret)).toBeNull();
    expect(runCli(['--db', t.config.url, 'audit', 'verify']).status).toBe(0);
  });

  it('revokes one token by id and changes a password from standard input', async () => {
    expect(cli(['add', 'cli-keeper', '--role', 'analyst']).status).toBe(0);
    const secret = cli(['token', 'cli-keeper', '--scope', 'tokens']).stdout.trim();
    const token = await findTokenUser(t.db, secret);
    expect(token?.scopes).toEqual(['tokens']);
    expect(cli(['revoke-token', String(token?.id)]).status).toBe(0);
    expect(await findTokenUser(t.db, secret)).toBeNull();
    expect(cli(['password', 'cli-keeper', '--password-stdin'], 'qwertyuiop\n').status).toBe(2);
    expect(cli(['password', 'cli-keeper', '--password-stdin'], 'seven amber lanterns\n').status).toBe(0);
    expect(cli(['token', 'cli-keeper', '--scope', 'everything']).status).toBe(2);
  });
});
