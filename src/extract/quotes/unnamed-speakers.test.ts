import { describe, expect, it } from 'vitest';
import { factsOf } from '../test-support/facts.js';

const speaker = (text: string) => factsOf(text).quotes[0]?.speaker ?? null;

describe('speakers that are offices, bodies and descriptions', () => {
  it('keeps an unnamed official described by rank and body', () => {
    expect(
      speaker(
        '"The convoy was turned back," a senior police officer from the northern district told reporters.',
      ),
    ).toBe('senior police officer');
    expect(speaker('A military source said: "The base was hit twice."')).toBe('military source');
  });

  it('prefers the description to a person named inside it', () => {
    expect(speaker('"Nobody crossed the line," an officer loyal to President Ana Ruiz told the paper.')).toBe(
      'officer',
    );
    expect(speaker('"The patrol stayed on the road," a UN spokesperson said.')).toBe('UN spokesperson');
  });

  it('keeps the name given right after the description', () => {
    expect(speaker('"We are ready," the ministry spokesman Ana Ruiz said.')).toBe('Ana Ruiz');
  });

  it('reads a body named by its acronym and a press service', () => {
    expect(speaker('"We will hold our positions," the XLF said in a statement.')).toBe('XLF');
    expect(speaker('"Supplies are running out," the press service reported.')).toBe('the press service');
  });

  it('reads a long title before the name and verbs like "pointed out"', () => {
    expect(speaker('"We stand by the agreement," Ana Ruiz pointed out.')).toBe('Ana Ruiz');
    expect(
      speaker('"Aid must reach everyone," the UN deputy envoy for humanitarian affairs Ana Ruiz said.'),
    ).toBe('Ana Ruiz');
  });
});
