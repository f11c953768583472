import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import { absorbClaim } from './merge-absorb.js';
import { comparePlaces, dayGap, isCertainlyApart, type Claim } from './merge-features.js';

/**
 * One article often tells one event in several sentences (the lead, a quote, a recap): those are
 * one event, not several incidents. Events of the article whose kinds are of one family, whose
 * dates overlap (or one is undated) and whose places are compatible (the same, one within the
 * other, or near) are grouped; what remains are the article's distinct events, which never merge
 * into one incident with each other.
 *
 * @example groupArticleEvents([leadClaim, recapClaim, otherVillageClaim]) // [[0, 1], [2]]
 */
export function groupArticleEvents(claims: readonly Claim[], config: MergeConfig = MERGE_CONFIG): number[][] {
  const groups: { members: number[]; claim: Claim }[] = [];
  claims.forEach((claim, index) => {
    const group = groups.find((g) => isRetelling(claim, g.claim, config));
    if (group) {
      group.members.push(index);
      group.claim = absorbClaim(group.claim, claim);
    } else groups.push({ members: [index], claim });
  });
  return groups.map((g) => g.members);
}

function isRetelling(a: Claim, b: Claim, config: MergeConfig): boolean {
  if (isCertainlyApart({ ...a, sources: [] }, { ...b, sources: [] }, config)) return false;
  const gap = dayGap(a, b, config);
  if (gap !== null && gap > 0) return false;
  const place = comparePlaces(a.place, b.place, config);
  return !place.veto && place.value > 0;
}
