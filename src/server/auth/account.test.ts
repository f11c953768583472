import { expect, it } from 'vitest';
import { activeTheatre } from '../../theatre/active.js';
import { leavesNoAdmin, roleChange } from './account.js';

it('leaves no admin only when the last enabled admin would go', () => {
  expect(leavesNoAdmin({ role: 'admin', disabled: false }, 0)).toBe(true);
  expect(leavesNoAdmin({ role: 'admin', disabled: false }, 1)).toBe(false);
  expect(leavesNoAdmin({ role: 'admin', disabled: true }, 0)).toBe(false);
  expect(leavesNoAdmin({ role: 'analyst', disabled: false }, 0)).toBe(false);
});

it('binds a liaison to a known party code and every other role to none', () => {
  const theatre = activeTheatre();
  expect(roleChange(theatre, { role: 'liaison', party: ' am ' })).toEqual({ role: 'liaison', party: 'AM' });
  expect(roleChange(theatre, { role: 'analyst', party: '' })).toEqual({ role: 'analyst', party: null });
  expect(() => roleChange(theatre, { role: 'analyst', party: 'AM' })).toThrow(/only a liaison/);
  expect(() => roleChange(theatre, { role: 'liaison', party: null })).toThrow(/must be bound to one party/);
  expect(() => roleChange(theatre, { role: 'liaison', party: 'ZZ-NOPE' })).toThrow(/party code/);
});
