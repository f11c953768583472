import type { AgreementInput } from '../agreement/commitment.js';
import type { MissionInput } from '../agreement/mission.js';
import { invalid } from '../platform/errors.js';
import { agreementFromPack } from '../theatre/agreement-schema.js';
import { readPack } from '../theatre/pack-io.js';

/** A theatre pack's agreements and missions, as the stores record them. */
export interface TheatreAgreements {
  readonly theatre: string;
  readonly agreements: readonly AgreementInput[];
  readonly missions: readonly MissionInput[];
}

/**
 * Reads the agreements and missions a shipped pack (or pack file) holds; a pack without an
 * agreement is refused, naming it.
 *
 * @example theatreAgreements('donbas-2015').agreements[0]?.slug // 'minsk-package-of-measures-2015-02-12'
 */
export function theatreAgreements(theatre: string): TheatreAgreements {
  const { pack, file } = readPack(theatre);
  if (pack.agreements.length === 0)
    throw invalid('theatre', `${file}: the pack holds no agreement, so there is no demo to load for it`);
  return { theatre: pack.name, agreements: pack.agreements.map(agreementFromPack), missions: pack.missions };
}

/**
 * The first agreement of a theatre pack, as the store records it.
 *
 * @example firstAgreement('nagorno-karabakh').slug // 'nagorno-karabakh-2020-11-10'
 */
export function firstAgreement(theatre: string): AgreementInput {
  const [first] = theatreAgreements(theatre).agreements;
  if (!first) throw invalid('theatre', `${theatre}: the pack holds no agreement`);
  return first;
}
