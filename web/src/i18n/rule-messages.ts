import type { RuleParams } from '../../../src/platform/rule-codes.js';
import { tData } from './i18n.js';

/**
 * The server's field errors in the active language. The server names each broken rule by a
 * stable code and its parameters (src/platform/rule-codes.ts) beside its English words; the
 * catalogue says the rule (`rule.<code>`) and the field (`field.<name>`). A rule or a field the
 * catalogue does not know keeps the server's English words: nothing is translated by its text.
 */
export interface ServerIssue {
  readonly field?: string;
  readonly rule?: string;
  readonly message?: string;
  readonly ruleCode?: string;
  readonly params?: RuleParams;
}

/** The field's name without list positions: `status.0` is the `status` field. */
const fieldName = (path: string) =>
  path
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');

/**
 * The issue in the active language, or undefined when the catalogue lacks its rule or its field.
 *
 * @example issueText({ field: 'name', ruleCode: 'too_long', params: { max: 200 } }) // 'Nom : au plus 200 caractères' in French
 */
export function issueText(issue: ServerIssue): string | undefined {
  if (!issue.ruleCode || !issue.field) return undefined;
  const field = tData(`field.${fieldName(issue.field)}`);
  if (field === undefined) return undefined;
  try {
    return tData(`rule.${issue.ruleCode}`, { ...issue.params, field });
  } catch {
    // Parameters the message does not expect (a newer server): the server's words say it.
    return undefined;
  }
}

/**
 * An error's issues in the active language, joined as the server joins them; undefined when one
 * of them cannot be said (then the server's whole message stands).
 */
export function issuesText(issues: readonly ServerIssue[]): string | undefined {
  const texts = issues.map(issueText);
  if (texts.length === 0 || texts.some((text) => text === undefined)) return undefined;
  return texts.join('; ');
}
