import { expect, it } from 'vitest';
import { mayReply, replyParty } from './reply.js';

it('gives the right of reply to a liaison bound to a party the incident names, and to nobody else', () => {
  expect(mayReply({ role: 'liaison', party: 'KE' }, ['UG', 'KE'])).toBe(true);
  expect(mayReply({ role: 'liaison', party: 'KE' }, ['UG'])).toBe(false);
  expect(mayReply({ role: 'liaison', party: 'KE' }, [])).toBe(false);
  expect(mayReply({ role: 'liaison', party: null }, ['KE'])).toBe(false);
  expect(mayReply({ role: 'admin', party: 'KE' }, ['KE'])).toBe(false);
  expect(mayReply(null, ['KE'])).toBe(false);
  expect(replyParty({ role: 'analyst', party: null })).toBeNull();
});
