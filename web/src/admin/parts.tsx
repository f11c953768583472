import type { ComponentChildren, ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { preloadedPage } from '../agreement/fields.js';
import { messageOf } from '../api-client.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import type { Role } from '../types.js';

/** Small pieces the admin pages share: the role gate, a card, an action with its outcome. */

/** The page's heading, then its content only for these roles (a sign-in link otherwise). */
export function Gate(props: { title: string; roles: readonly Role[]; children: ComponentChildren }) {
  return (
    <>
      <h1>{props.title}</h1>
      {hasRole(...props.roles) ? (
        props.children
      ) : (
        <p class="error" role="alert">
          This page is for {props.roles.join(' and ')} accounts. <a href="#/login">Sign in</a>
        </p>
      )}
    </>
  );
}

/**
 * A page for these roles whose data is loaded before it is shown (`preloadedPage`: the app's
 * "Loading…" and "Try again" cover it); for anyone else the gate's sign-in link, nothing loaded.
 */
export function gatedPage<T>(
  title: string,
  roles: readonly Role[],
  load: () => Promise<T>,
  View: ComponentType<{ readonly initial: T }>,
): PageModule {
  return preloadedPage(
    title,
    async () => (hasRole(...roles) ? { data: await load() } : null),
    ({ initial }) => (
      <Gate title={title} roles={roles}>
        {initial ? <View initial={initial.data} /> : null}
      </Gate>
    ),
  );
}

export function Card(props: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A failed load: what failed, and "Try again". */
export function LoadError(props: { what: string; error: string; retry: () => void }) {
  return (
    <p class="error" role="alert">
      {props.what} could not be loaded: {props.error}.{' '}
      <button type="button" class="link" onClick={props.retry}>
        Try again
      </button>
    </p>
  );
}

/** What an action said: done (status) or failed (alert). */
export type Outcome = { readonly ok: boolean; readonly text: string } | null;

export function OutcomeText({ outcome }: { outcome: Outcome }) {
  if (!outcome) return <p class="hint" role="status" />;
  return outcome.ok ? (
    <p class="ok" role="status">
      {outcome.text}
    </p>
  ) : (
    <p class="error" role="alert">
      {outcome.text}
    </p>
  );
}

/**
 * Runs an action once at a time: `busy` while it runs, then its outcome in words.
 *
 * @example const act = useAction(); act.run(() => postJson(...), 'Paused.')
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async <T,>(work: () => Promise<T>, done: string | ((value: T) => string)) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const value = await work();
      setOutcome({ ok: true, text: typeof done === 'string' ? done : done(value) });
      return value;
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run, setOutcome };
}

/** An ISO time as "2026-12-01 18:40" (UTC), or "never". */
export const when = (iso: string | null): string =>
  iso === null ? 'never' : iso.replace('T', ' ').slice(0, 16);
