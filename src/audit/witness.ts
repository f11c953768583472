import type { KeyObject } from 'node:crypto';
import { verifyConsistency } from './merkle.js';
import { cosign, noteSignedBy, parseCheckpointBody, parseNote, type VerifierKey } from './note.js';

/** What a witness remembers: the last checkpoint it cosigned (kept in its state file). */
export interface WitnessState {
  readonly origin: string;
  readonly size: number;
  /** base64, as in the checkpoint. */
  readonly root: string;
  readonly cosignedAt: number;
}

/** The center's HTTP API as a witness uses it (tests pass a local server's). */
export interface CenterClient {
  getJson(path: string): Promise<unknown>;
  postJson(path: string, body: unknown): Promise<unknown>;
}

export type WitnessOutcome =
  | { kind: 'cosigned'; state: WitnessState; line: string; body: string }
  | {
      kind: 'refused';
      reason: 'bad_signature' | 'wrong_origin' | 'rollback' | 'inconsistent' | 'unreadable';
      message: string;
    }
  /** The witness cosigned, but the center did not store it (say, its key is not registered). */
  | { kind: 'not_accepted'; line: string; message: string };

export interface WitnessIdentity {
  readonly name: string;
  readonly key: KeyObject;
}

/**
 * One round of a witness: fetch the center's latest checkpoint, check the log's signature, check
 * it is consistent with the last one cosigned (never smaller, same root at the same size, a valid
 * RFC 6962 consistency proof otherwise), then cosign it (tlog-cosignature/v1) and post the
 * cosignature. An inconsistent checkpoint is refused and not cosigned; the state stays.
 */
export async function witnessOnce(
  center: CenterClient,
  logKeys: readonly VerifierKey[],
  me: WitnessIdentity,
  state: WitnessState | null,
  now: () => Date,
): Promise<WitnessOutcome> {
  let body: string;
  let size: number;
  let root: Buffer;
  let origin: string;
  try {
    const latest = (await center.getJson('/api/audit/checkpoint')) as { signedNote?: unknown };
    if (typeof latest.signedNote !== 'string') throw new Error('no signedNote in the answer');
    const note = parseNote(latest.signedNote);
    if (!logKeys.some((k) => noteSignedBy(note, k)))
      return {
        kind: 'refused',
        reason: 'bad_signature',
        message: "the latest checkpoint is not signed by the log's key",
      };
    body = note.body;
    ({ size, root, origin } = parseCheckpointBody(body.split('\n').slice(0, 3).join('\n') + '\n'));
  } catch (error) {
    return {
      kind: 'refused',
      reason: 'unreadable',
      message: `the latest checkpoint cannot be read: ${(error as Error).message}`,
    };
  }
  if (state) {
    const was = `the checkpoint cosigned before (size ${state.size}, root ${state.root})`;
    if (origin !== state.origin)
      return {
        kind: 'refused',
        reason: 'wrong_origin',
        message: `the checkpoint is for ${origin}, not ${state.origin}`,
      };
    if (size < state.size)
      return {
        kind: 'refused',
        reason: 'rollback',
        message: `the log shrank to ${size} entries from ${was}: entries were cut`,
      };
    const oldRoot = Buffer.from(state.root, 'base64');
    let consistent: boolean;
    if (size === state.size) consistent = root.equals(oldRoot);
    else {
      try {
        const proof = (await center.getJson(
          `/api/audit/proof/consistency?from=${state.size}&to=${size}`,
        )) as { path?: unknown };
        const path = Array.isArray(proof.path) ? proof.path.map((p) => Buffer.from(String(p), 'base64')) : [];
        consistent = verifyConsistency(state.size, size, oldRoot, root, path);
      } catch {
        consistent = false;
      }
    }
    if (!consistent)
      return {
        kind: 'refused',
        reason: 'inconsistent',
        message: `the checkpoint of size ${size} is not an extension of ${was}: the log was rewritten`,
      };
  }
  const time = Math.floor(now().getTime() / 1000);
  const line = cosign(body, me.name, me.key, time);
  try {
    await center.postJson('/api/audit/cosignatures', { body, line });
  } catch (error) {
    return {
      kind: 'not_accepted',
      line,
      message: `the center did not accept the cosignature: ${(error as Error).message}`,
    };
  }
  return {
    kind: 'cosigned',
    state: { origin, size, root: root.toString('base64'), cosignedAt: time },
    line,
    body,
  };
}

/** The message of the center's `{error: {message}}` answer, or the start of the text. */
function errorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message.slice(0, 500);
  } catch {
    // not JSON: the text as it is
  }
  return text.slice(0, 200);
}

/** A client of the center at `base` over fetch, refusing non-2xx answers with their text. */
export function httpCenter(base: string): CenterClient {
  const url = (path: string) => new URL(path, base).toString();
  const read = async (response: Response) => {
    const text = await response.text();
    if (!response.ok) throw new Error(`${response.status} ${errorMessage(text)}`);
    return JSON.parse(text) as unknown;
  };
  return {
    getJson: async (path) => read(await fetch(url(path), { signal: AbortSignal.timeout(30_000) })),
    postJson: async (path, body) =>
      read(
        await fetch(url(path), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        }),
      ),
  };
}
