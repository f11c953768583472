import { useState } from 'preact/hooks';
import { deleteJson, getJson, postJson } from '../api-client.js';
import type { Page } from '../types.js';
import { TOKEN_SCOPE_LABELS, TOKEN_SCOPES, type TokenScope } from '../../../src/server/auth/token-scopes.js';
import type { TokenCreated, TokenSummary } from './admin-types.js';
import { Card, LoadError, OutcomeText, gatedPage, useAction, when } from './parts.js';
import { useLoad } from '../ui/use-load.js';

/** The secret of a token just made: shown this once, selectable for copying. */
function Secret({ created }: { created: TokenCreated }) {
  return (
    <div class="secret" role="status">
      <p class="ok">Token “{created.name}” created. Copy it now: it is shown only this once.</p>
      <label for="token-secret">Secret</label>
      <input
        id="token-secret"
        class="secret-value"
        readOnly
        value={created.token}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p class="hint">
        Scripts send it as <code>Authorization: Bearer …</code>.
      </p>
    </div>
  );
}

function NewToken({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<readonly TokenScope[]>([]);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const act = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    setCreated(null);
    void act
      .run(() => postJson<TokenCreated>('/auth/tokens', { name: name.trim() || undefined, scopes }), '')
      .then((made) => {
        if (!made) return;
        act.setOutcome(null);
        setCreated(made);
        setName('');
        onCreated();
      });
  };
  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  return (
    <Card title="Create a token">
      <form class="admin-form" onSubmit={submit} aria-label="Create a token">
        <div class="field">
          <label for="token-name">Name</label>
          <input
            id="token-name"
            maxLength={100}
            placeholder="nightly export"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <fieldset>
          <legend>Scopes (besides the rights of your role)</legend>
          {TOKEN_SCOPES.map((scope) => (
            <div key={scope}>
              <input
                type="checkbox"
                id={`scope-${scope}`}
                checked={scopes.includes(scope)}
                onChange={(e) => toggle(scope, e.currentTarget.checked)}
              />{' '}
              <label for={`scope-${scope}`}>
                {scope}: {TOKEN_SCOPE_LABELS[scope]}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={act.busy}>
          Create token
        </button>
        <OutcomeText outcome={act.outcome} />
      </form>
      {created ? <Secret created={created} /> : null}
    </Card>
  );
}

function TokenRow({ token, onRevoked }: { token: TokenSummary; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const act = useAction();
  const revoke = () => {
    setConfirming(false);
    void act
      .run(() => deleteJson(`/auth/tokens/${token.id}`), 'Revoked.')
      .then((done) => done && onRevoked());
  };
  return (
    <tr>
      <td>{token.name}</td>
      <td>{token.scopes.length > 0 ? token.scopes.join(', ') : 'none'}</td>
      <td>{when(token.createdAt)}</td>
      <td>
        {token.revokedAt ? (
          `revoked ${when(token.revokedAt)}`
        ) : confirming ? (
          <>
            <button type="button" onClick={revoke} aria-label={`Yes, revoke ${token.name}`}>
              Yes, revoke
            </button>{' '}
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            class="secondary"
            onClick={() => setConfirming(true)}
            aria-label={`Revoke ${token.name}`}
          >
            Revoke
          </button>
        )}
        <OutcomeText outcome={act.outcome} />
      </td>
    </tr>
  );
}

const loadTokens = () => getJson<Page<TokenSummary>>('/auth/tokens');

function Tokens({ initial }: { readonly initial: Page<TokenSummary> }) {
  const tokens = useLoad(loadTokens, { initial });
  return (
    <>
      <p>
        API tokens let scripts act as you. A revoked token is refused from the next request on. Creating and
        revoking are recorded in the audit log.
      </p>
      <NewToken onCreated={tokens.reload} />
      {tokens.error ? <LoadError what="Your tokens" error={tokens.error} retry={tokens.reload} /> : null}
      {tokens.value ? (
        <Card title="Your tokens">
          {tokens.value.items.length === 0 ? (
            <p>You have no token yet.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>Your API tokens, newest first (never their secrets)</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Created</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.value.items.map((t) => (
                    <TokenRow key={t.id} token={t} onRevoked={tokens.reload} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : tokens.error ? null : (
        <p class="loading" role="status">
          Loading your tokens…
        </p>
      )}
    </>
  );
}

export const tokensPage = gatedPage(
  'API tokens',
  ['admin', 'analyst', 'monitor', 'liaison'],
  loadTokens,
  Tokens,
);
