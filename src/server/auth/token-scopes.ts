/**
 * Extra rights a token may carry (isomorphic: the web app's tokens page imports it).
 * `tokens`: it may mint further tokens.
 */
export const TOKEN_SCOPES = ['tokens'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope allows, in words for the tokens page. */
export const TOKEN_SCOPE_LABELS: Readonly<Record<TokenScope, string>> = {
  tokens: 'may create further tokens (never with a scope it lacks itself)',
};
