import type { Evidence } from '../agreement/commitment.js';

/**
 * Where the demo's facts come from. Titles describe the material in our own words; addresses are
 * given only where the publisher's own page is known.
 */
const evidence = (e: Omit<Evidence, 'kind' | 'incidentId'> & { kind?: Evidence['kind'] }): Evidence => ({
  kind: 'source',
  incidentId: null,
  ...e,
});

export interface PublishedText {
  readonly publisher: string;
  readonly title: string;
  readonly url: string | null;
}

export const DEMO_SOURCES = {
  texts: {
    am: {
      publisher: 'Government of Armenia',
      title: 'Statement of 10 November 2020, English text',
      url: 'https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/',
    },
    az: {
      publisher: 'Ministry of Foreign Affairs of Azerbaijan',
      title: 'Statement of 10 November 2020, English and Russian text',
      url: 'https://belgrade.mfa.gov.az/en/news/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation-enru',
    },
    ru: {
      publisher: 'Ministry of Foreign Affairs of Russia',
      title: 'Statement of 10 November 2020, English text',
      url: null,
    },
  } satisfies Record<string, PublishedText>,
  rpcBulletin: (published: string): Evidence =>
    evidence({
      publisher: 'Ministry of Defence of Russia',
      title: 'Daily bulletin of the peacekeeping contingent (as relayed by TASS)',
      published,
      url: null,
    }),
  news: (publisher: string, title: string, published: string): Evidence =>
    evidence({ publisher, title, published, url: null }),
};

/** A citation in a report's payload, the shape bulletins read back. */
export const citation = (e: Evidence) => ({
  publisher: e.publisher,
  title: e.title,
  url: e.url,
  published: e.published,
});
