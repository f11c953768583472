import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IngestItem } from './ingest-store.js';
import { FetchRefused, safeFetch, type SafeResponse } from './safe-fetch-io.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 20_000;

export type InputOutcome =
  | { readonly ok: true; readonly item: IngestItem }
  | { readonly ok: false; readonly label: string; readonly reason: string };

const isUrl = (value: string) => /^https?:\/\//i.test(value);

/** Expands the command's arguments: directories are walked (sorted, hidden files skipped). */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Reads one file or fetches one URL; a failure is a value naming the reason, never a throw. */
export async function readInput(input: string, clock: () => Date): Promise<InputOutcome> {
  try {
    return isUrl(input) ? await fetchInput(input, clock) : await readFileInput(input, clock);
  } catch (error) {
    return { ok: false, label: input, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function readFileInput(path: string, clock: () => Date): Promise<InputOutcome> {
  const info = await stat(path).catch(() => null);
  if (!info) return { ok: false, label: path, reason: 'no such file' };
  if (info.size > MAX_DOCUMENT_BYTES)
    return { ok: false, label: path, reason: `larger than ${MAX_DOCUMENT_BYTES} bytes` };
  const bytes = new Uint8Array(await readFile(path));
  const contentType = /\.html?$/i.test(path) ? 'text/html' : undefined;
  const url = pathToFileURL(resolve(path)).toString();
  return {
    ok: true,
    item: {
      label: path,
      url,
      bytes,
      retrievedAt: clock().toISOString(),
      ...(contentType ? { contentType } : {}),
    },
  };
}

async function fetchInput(url: string, clock: () => Date): Promise<InputOutcome> {
  let response: SafeResponse;
  try {
    response = await safeFetch(url, { timeoutMs: FETCH_TIMEOUT_MS });
  } catch (error) {
    return { ok: false, label: url, reason: fetchFailure(error, FETCH_TIMEOUT_MS) };
  }
  if (response.status < 200 || response.status > 299) {
    response.discard();
    return { ok: false, label: url, reason: `HTTP ${response.status} ${response.statusText}` };
  }
  const bytes = await response.readBody(MAX_DOCUMENT_BYTES).catch((error: unknown) => {
    throw new Error(fetchFailure(error, FETCH_TIMEOUT_MS));
  });
  if (!bytes) return { ok: false, label: url, reason: `larger than ${MAX_DOCUMENT_BYTES} bytes` };
  const contentType = response.header('content-type');
  return {
    ok: true,
    item: {
      label: url,
      url: response.url || url,
      bytes,
      retrievedAt: clock().toISOString(),
      ...(contentType ? { contentType } : {}),
    },
  };
}

/**
 * Why a fetch failed, in words: refused by the address policy, timed out, or the network's reason.
 *
 * @example fetchFailure(new FetchRefused('refused 127.0.0.1: a loopback address'), 20_000)
 */
export function fetchFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof FetchRefused) return error.message;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return `cannot fetch: ${error instanceof Error ? error.message : String(error)}`;
}
