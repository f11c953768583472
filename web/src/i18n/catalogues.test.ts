import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { DATE_PRECISIONS, INCIDENT_KINDS, INCIDENT_STATUSES } from '../../../src/vocabulary/index.js';
import { RULE_CODES } from '../../../src/platform/rule-codes.js';
import { LANGUAGES } from './i18n.js';
import ar from './messages/ar.json';
import az from './messages/az.json';
import en from './messages/en.json';
import fr from './messages/fr.json';
import hy from './messages/hy.json';
import ru from './messages/ru.json';

/**
 * The catalogues are data: each must parse as ICU messages, use the same arguments as English,
 * and hold every key its language promises (complete: every English key and every vocabulary
 * key; the report form only: every `report.` key).
 */
const CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, ru, fr, ar, hy, az };
const read = (code: string): Readonly<Record<string, string>> => {
  const catalogue = CATALOGUES[code];
  if (!catalogue) throw new Error(`no catalogue for ${code}`);
  return catalogue;
};
const english = read('en');
const COMPLETE = ['ru', 'fr', 'ar'];
const FORM_ONLY = ['hy', 'az'];
const VOCABULARY_KEYS = [
  ...INCIDENT_KINDS.map((k) => `kind.${k}`),
  ...INCIDENT_STATUSES.map((s) => `status.${s}`),
  ...DATE_PRECISIONS.map((p) => `precision.${p}`),
];

/** The names of a message's arguments, nested ones included (`{count}` inside a plural). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

const sorted = (names: Set<string>) => [...names].sort();

describe('the message catalogues', () => {
  it('has a catalogue for every language the switcher offers, and the loader for each', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it.each(COMPLETE)('%s has every English key and every vocabulary key', (code) => {
    const keys = Object.keys(read(code));
    const missing = [...Object.keys(english), ...VOCABULARY_KEYS].filter((k) => !keys.includes(k));
    expect(missing).toEqual([]);
  });

  it('says every rule the server names by code (`rule.<code>`), in English and so in every complete language', () => {
    expect(RULE_CODES.filter((code) => english[`rule.${code}`] === undefined)).toEqual([]);
  });

  it.each(FORM_ONLY)('%s has every key of the public report form', (code) => {
    const keys = Object.keys(read(code));
    const form = Object.keys(english).filter((k) => k.startsWith('report.'));
    expect(form.length).toBeGreaterThan(5);
    expect(form.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => l.code))('%s: every message parses, with the arguments of English', (code) => {
    const catalogue = read(code);
    for (const [key, message] of Object.entries(catalogue)) {
      const source = english[key];
      if (source === undefined) {
        // Only vocabulary keys may be absent from English (English uses the vocabulary's label).
        expect(VOCABULARY_KEYS, `${code}: ${key} is not an English key`).toContain(key);
        expect(sorted(argumentsOf(parse(message))), `${code}: ${key}`).toEqual([]);
        continue;
      }
      expect(sorted(argumentsOf(parse(message))), `${code}: ${key}`).toEqual(
        sorted(argumentsOf(parse(source))),
      );
    }
  });
});
