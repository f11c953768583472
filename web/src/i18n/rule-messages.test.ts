import { describe, expect, it } from 'vitest';
import { issuesText, issueText } from './rule-messages.js';

describe('the server’s field errors in the reader’s words', () => {
  it('says a coded rule from the catalogue, the field by its label, list positions left out', () => {
    expect(issueText({ field: 'name', ruleCode: 'too_long', params: { max: 200 } })).toBe(
      'Name must be at most 200 characters',
    );
    expect(
      issueText({ field: 'status.0', ruleCode: 'one_of', params: { values: 'confirmed, disputed' } }),
    ).toBe('Status must be one of confirmed, disputed');
  });

  it('says nothing for a code, a field or a rule without code it does not know, so the server’s words stand', () => {
    expect(issueText({ field: 'name', ruleCode: 'a_rule_from_a_newer_server', params: {} })).toBeUndefined();
    expect(issueText({ field: 'photos.0.data', ruleCode: 'too_long', params: { max: 9 } })).toBeUndefined();
    expect(
      issueText({ field: 'name', rule: 'must be unusual', message: 'Name must be unusual' }),
    ).toBeUndefined();
    expect(
      issuesText([
        { field: 'name', ruleCode: 'too_long', params: { max: 200 } },
        { field: 'lon', rule: 'is required when Latitude is given' },
      ]),
    ).toBeUndefined();
  });
});
