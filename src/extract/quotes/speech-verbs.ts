const VERBS =
  'said|says|say|told|tells|added|adding|adds|stated|states|declared|announced|wrote|writes|noted|explained|' +
  'insisted|warned|stressed|emphasi[sz]ed|argued|claimed|asked|replied|responded|continued|described|describing|' +
  'describes|called|calling|urged|urging|accused|denied|confirmed|admitted|hailed|expressed|expressing|tweeted|' +
  'posted|commented|remarked|recalled|concluded|acknowledged|vowed|pledged|promised|reiterated|told reporters|' +
  'according to|quoted|quoting|chanting|chanted|shouting|shouted|read|reads|wrote on|posted on|labell?ed|termed|dubbed';

/** A speech verb anywhere (global), for finding the last one before a quote. */
export const SPEECH_VERB = new RegExp(`\\b(?:${VERBS})\\b`, 'gi');

/** A speech verb at the start of a stretch ("said X", ", according to X"). */
export const LEADING_VERB = new RegExp(`^[\\s,—–-]*(?:${VERBS})\\b`, 'i');

/** Words that end the speaker's phrase after "said X". */
export const SPEAKER_PHRASE_END =
  /,\s*(?:adding|who|which|while|as|after|before|when|in a|according)\b|[;.!?:“"«]/;

export const CHANT = /\b(?:chant\w*|shout\w*|sang|singing|chorus)\b/i;

/**
 * Phenomenon: the attribution after a quote ("…," the press service reported; "…," Name pointed
 * out): the verbs that close a quote with its speaker before them.
 */
export const TRAILING_VERBS =
  'said|says|added|told|wrote|stated|declared|explained|warned|noted|insisted|tweeted|reported|pointed out|' +
  'announced|stressed|emphasi[sz]ed|confirmed|continued|claimed|posted|commented|recalled|concluded|urged|' +
  'underlined|observed|affirmed|asserted|argued';
