import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api-client.js';

/** What a component loads: the value, whether a load is under way, the failure in words, and a way to load again. */
export interface Loaded<T> {
  /** The value last loaded: kept while it is loaded again and when that fails; null before the first. */
  readonly value: T | null;
  readonly loading: boolean;
  /** Why the last load failed, in words (null when it did not). */
  readonly error: string | null;
  /** The HTTP status of that failure, when the server answered one (404: there is no such thing). */
  readonly status: number | null;
  /** Loads again; resolves once the answer is shown (or the failure). */
  readonly reload: () => Promise<void>;
}

interface State<T> {
  readonly value: T | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly status: number | null;
}

/**
 * Loads on mount, again when `key` changes (the value shown is then cleared: it was of something
 * else) and on `reload()` (the value stays until the new one comes). An answer arriving after a
 * newer load started, or after the component is gone, is dropped, so an older answer never
 * overwrites a newer one. With `initial` (what the page loaded before it was shown, see
 * `preloadedPage` and `gatedPage`) the load on mount is skipped.
 *
 * @example const users = useLoad(() => getJson<Page<AccountRow>>('/users'), { initial })
 */
export function useLoad<T>(
  load: () => Promise<T>,
  options: { readonly key?: string; readonly initial?: T | undefined } = {},
): Loaded<T> {
  const { key = '', initial } = options;
  const [state, setState] = useState<State<T>>({
    value: initial ?? null,
    loading: initial === undefined,
    error: null,
    status: null,
  });
  /** The load of the latest render, so a reload asks for what the component shows now. */
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const round = useRef(0);
  const preloaded = useRef(initial !== undefined);
  const reload = useCallback(async () => {
    const mine = ++round.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const value = await latestLoad.current();
      if (mine === round.current) setState({ value, loading: false, error: null, status: null });
    } catch (error) {
      if (mine === round.current)
        setState((s) => ({
          value: s.value,
          loading: false,
          error: messageOf(error),
          status: error instanceof ApiError ? error.status : null,
        }));
    }
  }, []);
  useEffect(() => {
    if (preloaded.current) {
      preloaded.current = false;
      return;
    }
    setState({ value: null, loading: true, error: null, status: null });
    void reload();
  }, [key]);
  useEffect(
    () => () => {
      round.current += 1;
    },
    [],
  );
  return { ...state, reload };
}
