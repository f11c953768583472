import type { Truce } from './server.js';

/** Accounts for the tests, created with `truce user add … --password-stdin` on the server's database. */
export interface Account {
  readonly username: string;
  readonly password: string;
  readonly role: 'admin' | 'analyst' | 'monitor' | 'liaison';
  readonly party?: string;
}

export const ANALYST: Account = {
  username: 'ana',
  password: 'correct horse battery staple',
  role: 'analyst',
};
export const LIAISON: Account = {
  username: 'lia',
  password: 'liaison passphrase 2020',
  role: 'liaison',
  party: 'AM',
};
export const MONITOR: Account = { username: 'mon', password: 'monitor passphrase 2020', role: 'monitor' };

export async function addAccount(truce: Truce, account: Account): Promise<void> {
  const args = ['user', 'add', account.username, '--role', account.role, '--password-stdin'];
  if (account.party) args.push('--party', account.party);
  const run = truce.cli(args, `${account.password}\n`);
  if (run.status !== 0) throw new Error(`truce user add failed: ${run.stderr}`);
}
