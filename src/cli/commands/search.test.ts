import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../../../test/cli.js';

interface Page {
  items: { type: string; snippet: { text: string; mark: boolean }[]; incident: { status: string } | null }[];
}

describe.runIf(existsSync(CLI))('truce search (built CLI)', () => {
  const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'truce-search-cli-')), 'truce.db')}`;

  it('finds the demo record with marked words, as staff and as the public', () => {
    expect(runCli(['demo', '--db', db]).status).toBe(0);
    const staff = runCli(['search', 'helicopter', '--format', 'json', '--db', db]);
    expect(staff.status, staff.stderr).toBe(0);
    const page = JSON.parse(staff.stdout) as Page;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]?.snippet.some((p) => p.mark && p.text.toLowerCase() === 'helicopter')).toBe(true);
    const table = runCli(['search', 'helicopter', '--type', 'incident', '--public', '--db', db]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/\[helicopter\]/i);
    expect(table.stdout).toMatch(/\d+ hits?/);
  });

  it('refuses an empty query and a bad filter, naming the field', () => {
    const empty = runCli(['search', '  ', '--db', db]);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/q: must not be empty/);
    const kind = runCli(['search', 'helicopter', '--kind', 'picnic', '--db', db]);
    expect(kind.status).not.toBe(0);
    expect(kind.stderr).toMatch(/Kind, item 1 must be one of /);
  });
});
