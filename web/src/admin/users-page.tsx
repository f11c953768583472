import { useState } from 'preact/hooks';
import { getJson, postJson } from '../api-client.js';
import { me } from '../session.js';
import type { Page } from '../types.js';
import { partyLabel, theatreParties } from '../ui/theatre.js';
import { ROLES } from '../ui/vocabulary.js';
import type { AccountRole, AccountRow } from './admin-types.js';
import { Card, LoadError, OutcomeText, gatedPage, useAction, when } from './parts.js';
import { useLoad } from '../ui/use-load.js';

const ACCOUNT_ROLES = ROLES.filter((r): r is AccountRole => r !== 'public');

/** Role and party pickers: the party only for a liaison, named by the theatre. */
function RoleFields(props: {
  idPrefix: string;
  role: AccountRole;
  party: string;
  onRole: (role: AccountRole) => void;
  onParty: (party: string) => void;
}) {
  const parties = theatreParties();
  return (
    <>
      <div class="field">
        <label for={`${props.idPrefix}-role`}>Role</label>
        <select
          id={`${props.idPrefix}-role`}
          value={props.role}
          onChange={(e) => props.onRole(e.currentTarget.value as AccountRole)}
        >
          {ACCOUNT_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {props.role === 'liaison' ? (
        <div class="field">
          <label for={`${props.idPrefix}-party`}>Party</label>
          <select
            id={`${props.idPrefix}-party`}
            value={props.party}
            onChange={(e) => props.onParty(e.currentTarget.value)}
          >
            <option value="">Choose the party</option>
            {parties.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

function NewAccount({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<AccountRole>('analyst');
  const [party, setParty] = useState('');
  const act = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void act
      .run(
        () =>
          postJson('/users', {
            username: username.trim(),
            role,
            party: role === 'liaison' ? party || null : null,
            password,
          }),
        `Account ${username.trim()} created.`,
      )
      .then((made) => {
        if (!made) return;
        setUsername('');
        setPassword('');
        onCreated();
      });
  };
  return (
    <Card title="Create an account">
      <form class="admin-form" onSubmit={submit} aria-label="Create an account">
        <div class="field">
          <label for="new-username">Username</label>
          <input
            id="new-username"
            autocomplete="off"
            required
            maxLength={100}
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <RoleFields idPrefix="new" role={role} party={party} onRole={setRole} onParty={setParty} />
        <div class="field">
          <label for="new-password">Password</label>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby="new-password-hint"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <p class="hint" id="new-password-hint">
            A long passphrase; the person can change it after signing in.
          </p>
        </div>
        <button type="submit" disabled={act.busy}>
          Create account
        </button>
        <OutcomeText outcome={act.outcome} />
      </form>
    </Card>
  );
}

/** One account: its role (changeable), and disable or enable with a confirmation step. */
function AccountItem({ account, onChanged }: { account: AccountRow; onChanged: () => void }) {
  const [role, setRole] = useState<AccountRole>(account.role);
  const [party, setParty] = useState(account.party ?? '');
  const [confirming, setConfirming] = useState(false);
  const act = useAction();
  const disabled = account.disabled === 1;
  const isMe = me().user?.username === account.username;
  const prefix = `acct-${account.id}`;
  const changeRole = (event: Event) => {
    event.preventDefault();
    void act
      .run(
        () =>
          postJson(`/users/${encodeURIComponent(account.username)}/role`, {
            role,
            party: role === 'liaison' ? party || null : null,
          }),
        `${account.username} is now ${role}${role === 'liaison' && party ? ` for ${partyLabel(party)}` : ''}.`,
      )
      .then((done) => done && onChanged());
  };
  const toggle = () => {
    setConfirming(false);
    void act
      .run(
        () =>
          postJson(`/users/${encodeURIComponent(account.username)}/${disabled ? 'enable' : 'disable'}`, {}),
        disabled
          ? `${account.username} can sign in again.`
          : `${account.username} is disabled: sessions ended, tokens revoked.`,
      )
      .then((done) => done && onChanged());
  };
  return (
    <li class="card account-item">
      <h3>
        {account.username}
        {account.display_name ? ` — ${account.display_name}` : ''}
        {isMe ? ' (you)' : ''}
      </h3>
      <p class="hint">
        {account.role}
        {account.party ? `, ${partyLabel(account.party)}` : ''} · {disabled ? 'disabled' : 'active'} · created{' '}
        {when(account.created_at)}
      </p>
      <form class="inline-form" onSubmit={changeRole} aria-label={`Role of ${account.username}`}>
        <RoleFields idPrefix={prefix} role={role} party={party} onRole={setRole} onParty={setParty} />
        <button
          type="submit"
          disabled={act.busy || (role === account.role && (party || null) === account.party)}
        >
          Change role
        </button>
      </form>
      {confirming ? (
        <p>
          {disabled
            ? `Enable ${account.username}?`
            : `Disable ${account.username}? Their sessions end and their tokens are revoked.`}{' '}
          <button type="button" onClick={toggle}>
            {disabled ? 'Yes, enable' : 'Yes, disable'}
          </button>{' '}
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" class="secondary" disabled={act.busy} onClick={() => setConfirming(true)}>
          {disabled ? 'Enable' : 'Disable'} {account.username}
        </button>
      )}
      <OutcomeText outcome={act.outcome} />
    </li>
  );
}

const loadAccounts = () => getJson<Page<AccountRow>>('/users');

function Accounts({ initial }: { readonly initial: Page<AccountRow> }) {
  const users = useLoad(loadAccounts, { initial });
  return (
    <>
      <p>
        Accounts of the center. Every change is recorded in the audit log. The last enabled admin can be
        neither demoted nor disabled. Your own API tokens: <a href="#/admin/tokens">API tokens</a>.
      </p>
      <NewAccount onCreated={users.reload} />
      {users.error ? <LoadError what="The accounts" error={users.error} retry={users.reload} /> : null}
      {users.value ? (
        <Card title={`${users.value.total} ${users.value.total === 1 ? 'account' : 'accounts'}`}>
          <ul class="account-list">
            {users.value.items.map((a) => (
              <AccountItem key={a.id} account={a} onChanged={users.reload} />
            ))}
          </ul>
        </Card>
      ) : users.error ? null : (
        <p class="loading" role="status">
          Loading the accounts…
        </p>
      )}
    </>
  );
}

export const usersPage = gatedPage('Accounts', ['admin'], loadAccounts, Accounts);
