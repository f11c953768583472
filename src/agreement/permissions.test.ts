import { describe, expect, it } from 'vitest';
import { ROLES } from '../record/taxonomy.js';
import { actorName, checkActivityFiler, checkAgreementEditor } from './permissions.js';

const allowed = (check: (role: (typeof ROLES)[number]) => void) =>
  ROLES.filter((role) => {
    try {
      check(role);
      return true;
    } catch {
      return false;
    }
  });

describe('who may change what is held against the agreement', () => {
  it('lets only analysts and admins change commitments', () => {
    expect(allowed(checkAgreementEditor)).toEqual(['admin', 'analyst']);
  });

  it('lets monitors, analysts and admins file activity, not liaisons or the public', () => {
    expect(allowed(checkActivityFiler)).toEqual(['admin', 'analyst', 'monitor']);
    expect(() => checkActivityFiler('liaison')).toThrow(/a liaison may not file mission activity/);
  });

  it('names the actor in the one audit shape, user:USERNAME', () =>
    expect(actorName({ role: 'monitor', username: 'lev' })).toBe('user:lev'));
});
