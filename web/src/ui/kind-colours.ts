/**
 * Colours for the kinds a chart shows: a palette of eleven colours distinguishable by people with
 * the common colour-vision deficiencies (after Paul Tol's "muted" and "bright" schemes), given to
 * the kinds in the order the chart lists them (most frequent first), grey past the eleventh.
 * Colour is never the only cue: every chart has a legend naming the kinds and a table of its
 * numbers.
 */
const PALETTE = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
  '#4477aa',
  '#ee6677',
] as const;

const REST = '#bbbbbb';

/** The colour of the kind at `rank` in the chart's list of kinds. */
export function rankColour(rank: number): string {
  return PALETTE[rank] ?? REST;
}
