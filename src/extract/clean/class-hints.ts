/**
 * What class and id names say about a block. Lists written for Truce; the hint string is at
 * most 200 characters (see html-tree.ts), and every pattern is a plain alternation of words.
 */

/** Blocks named like this are page furniture, not the story. */
const NEGATIVE =
  /comment|share|sharing|social|related|recommend|sidebar|side-bar|widget|promo|sponsor|advert|\bads?\b|ad-|banner|footer|masthead|newsletter|subscribe|signup|sign-up|cookie|consent|gdpr|popup|modal|breadcrumb|pagination|pager|tags|tag-list|taglist|byline|author|credit|caption|disclaimer|toolbar|outbrain|taboola|trending|most-popular|mostpopular|more-stories|read-more|readmore|nav|menu|hidden|print|login|paywall|skip/;

/** Blocks named like this usually hold the story. */
const POSITIVE =
  /article|story|entry|post-body|postbody|post-content|body|content|main|text|blog|prose|hentry/;

/** Names that mark a block as almost surely not the story (checked before scoring). */
const UNLIKELY =
  /comment|share|social|related|recommend|sidebar|widget|promo|sponsor|advert|banner|footer|masthead|newsletter|subscribe|cookie|consent|gdpr|popup|modal|breadcrumb|pagination|outbrain|taboola|trending|most-popular|menu|disqus|rss|signup/;

/** Names that rescue an unlikely-looking block because it may wrap the story. */
const MAYBE = /article|story|body|content|main|column|and|shadow/;

/** +25 for story-like names, −25 for furniture-like names, both can apply. */
export function classWeight(hint: string): number {
  if (hint.trim() === '') return 0;
  let weight = 0;
  if (NEGATIVE.test(hint)) weight -= 25;
  if (POSITIVE.test(hint)) weight += 25;
  return weight;
}

/** Whether a block's name says it is page furniture (and nothing says it might be the story). */
export function isUnlikelyCandidate(hint: string): boolean {
  return hint.trim() !== '' && UNLIKELY.test(hint) && !MAYBE.test(hint);
}

/** Tag-based starting scores for candidate containers. */
export function tagWeight(tag: string): number {
  switch (tag) {
    case 'article':
      return 10;
    case 'div':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}
