import { z } from 'zod';
import {
  AgreementFields,
  CommitmentInput,
  DeadlineInput,
  withAgreementRules,
  type AgreementInput,
} from '../agreement/commitment.js';
import { MissionInput } from '../agreement/mission.js';
import { RelativeDeadline, resolveDeadlines } from '../agreement/relative-deadline.js';

/**
 * A theatre pack's agreements and missions: the agreement capability's own input shapes, so a
 * pack holds exactly what `createAgreement` and `createMission` record. Parties and obligors are
 * party codes; a pack may also state a deadline against another date of the agreement ("no later
 * than the fifth day after the withdrawal"), which `agreementFromPack` turns into a date.
 */

/** A commitment as a pack states it: its deadline a date, or counted from another one. */
export const PackCommitment = CommitmentInput.extend({
  deadline: z.union([DeadlineInput, RelativeDeadline]).nullable().default(null),
});
export type PackCommitment = z.input<typeof PackCommitment>;

/** An agreement in a pack: clauses unique, obligors among its parties, relative deadlines resolvable. */
export const PackAgreement = withAgreementRules(
  AgreementFields.extend({ commitments: z.array(PackCommitment).default([]) }),
).superRefine((a, ctx) => {
  for (const issue of resolveDeadlines(a).issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type PackAgreement = z.infer<typeof PackAgreement>;

/** A mission in a pack: its mandate (ceilings, term, renewals, notice), units and posts. */
export const PackMission = MissionInput;
export type PackMission = z.infer<typeof PackMission>;

/**
 * The agreement as the store records it: every deadline a date in the agreement's time zone.
 *
 * @example agreementFromPack(pack.agreements[0]).commitments?.[2]?.deadline // { date: '2015-03-03', … }
 */
export function agreementFromPack(a: PackAgreement): AgreementInput {
  const { deadlines } = resolveDeadlines(a);
  return {
    ...a,
    commitments: a.commitments.map((c) => ({ ...c, deadline: deadlines.get(c.clause) ?? null })),
  };
}

/**
 * The party codes of a pack's agreements and missions that the theatre does not know, each with
 * its path in the pack: for the cross-pack check (`isParty`: a pack's party or a world country).
 *
 * @example unknownParties(pack, (code) => isKnownParty(theatre, code)) // [{ path: ['agreements', 0, 'parties', 2], code: 'DPR' }]
 */
export function unknownParties(
  pack: { readonly agreements: readonly PackAgreement[] },
  isParty: (code: string) => boolean,
): { path: (string | number)[]; code: string }[] {
  return pack.agreements.flatMap((a, i) =>
    a.parties
      .filter((code) => !isParty(code))
      .map((code) => ({
        path: ['agreements', i, 'parties', a.parties.indexOf(code)],
        code,
      })),
  );
}
