import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';

describe('event actors', () => {
  it('names a mission that is attacked as an actor, though it belongs to no party', () => {
    const { events } = factsOf('Chadian soldiers opened fire on a UNIFIL patrol near Tskhinvali on Monday.');
    const [attack] = events;
    expect([attack?.actor1, attack?.actor2]).toEqual(['Chad', 'UNIFIL']);
  });

  it('gives both sides when they are named together before the trigger', () => {
    const { events } = factsOf('Malian troops and Burkinabe soldiers clashed near Tskhinvali on Sunday.');
    const clash = events.find((e) => e.kind === 'armed_clash');
    expect([clash?.actor1, clash?.actor2]).toEqual(['Mali', 'Burkina Faso']);
  });
});
