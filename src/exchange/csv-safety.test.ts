import { describe, expect, it } from 'vitest';
import { fromSpreadsheetText, toSpreadsheetText } from './csv-safety.js';

describe('CSV formula injection', () => {
  it('prefixes a cell that starts with a sign but is not entirely a number', () => {
    for (const formula of [
      "-2+3+cmd|' /C calc'!A0",
      '-1+1',
      '+1+1',
      '-1)*cmd',
      '-.5+A1',
      '+A1',
      '-',
      '-1e3+1',
    ]) {
      expect(toSpreadsheetText(formula), formula).toBe(`'${formula}`);
    }
  });

  it('prefixes cells that start with = or @ or a tab, whatever follows', () => {
    expect(toSpreadsheetText('=1')).toBe("'=1");
    expect(toSpreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toSpreadsheetText('\t=1')).toBe("'\t=1");
  });

  it('leaves numbers and plain text as they are', () => {
    for (const plain of ['-12.5', '+3', '-1e3', '-.5', '0', '42', 'Shelling near the bridge', '']) {
      expect(toSpreadsheetText(plain), plain).toBe(plain);
    }
  });

  it('takes the prefix off again on import, and only where the export put it', () => {
    for (const value of ["-2+3+cmd|' /C calc'!A0", '=1+1', '-12.5', "'quoted", "'-5"]) {
      expect(fromSpreadsheetText(toSpreadsheetText(value)), value).toBe(value);
    }
  });
});
