/** A literal string made safe to put inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern that matches where any of the literal strings occurs, case-sensitively as
 * `String.prototype.includes` does: one scan of the text instead of one per string.
 *
 * @example anyOfLiterals(['cease-fire', 'truce']).test('the truce held') // true
 */
export function anyOfLiterals(literals: readonly string[]): RegExp {
  if (literals.length === 0) return /(?!)/;
  return new RegExp(literals.map(escapeRegExp).join('|'));
}
