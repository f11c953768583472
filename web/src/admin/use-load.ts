import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../api-client.js';

/** What a component loads: the value, or the error in words, and a way to load it again. */
export interface Loaded<T> {
  readonly value: T | null;
  readonly error: string | null;
  readonly reload: () => void;
}

/**
 * Loads once on mount and again on `reload()`; a load finishing after a newer one started is
 * dropped, so an older answer never overwrites a newer one. With `initial` (what the page loaded
 * before it was shown, see `gatedPage`) the load on mount is skipped.
 *
 * @example const users = useLoad(() => getJson<Page<AccountRow>>('/users'), initial)
 */
export function useLoad<T>(load: () => Promise<T>, initial?: T): Loaded<T> {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({
    value: initial ?? null,
    error: null,
  });
  const [round, setRound] = useState(0);
  const preloaded = useRef(initial !== undefined);
  useEffect(() => {
    if (preloaded.current) {
      preloaded.current = false;
      return;
    }
    let current = true;
    load().then(
      (value) => current && setState({ value, error: null }),
      (error: unknown) => current && setState((s) => ({ value: s.value, error: messageOf(error) })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on each render; only `round` asks for a new load.
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
