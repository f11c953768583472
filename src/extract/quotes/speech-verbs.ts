const VERBS =
  'said|says|say|told|tells|added|adding|adds|stated|states|declared|announced|wrote|writes|noted|explained|' +
  'insisted|warned|stressed|emphasi[sz]ed|argued|claimed|asked|replied|responded|continued|described|describing|' +
  'describes|called|calling|urged|urging|accused|denied|confirmed|admitted|hailed|expressed|expressing|tweeted|' +
  'posted|commented|remarked|recalled|concluded|acknowledged|vowed|pledged|promised|reiterated|told reporters|' +
  'according to|quoted|quoting|chanting|chanted|shouting|shouted|read|reads|wrote on|posted on|labell?ed|termed|dubbed|' +
  'promising|cautioned|cautioning|warning|insisting|stressing|saying';

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
  'underlined|observed|affirmed|asserted|argued|reads|informed';

/**
 * Phenomenon: indirect speech ("X said (that) …", "X told reporters …"). Verbs whose complement
 * is the reported clause itself.
 */
export const CLAUSE_VERBS =
  'said|says|say|told|tells|stated|states|claimed|claims|added|adds|noted|notes|stressed|insisted|warned|' +
  'explained|argued|asserted|affirmed|believes?|believed|clarified|informed|informs|maintained|alleged|' +
  'wrote|tweeted|pointed out|reiterated|emphasi[sz]ed|underlined|observed|cautioned|' +
  'acknowledged|admitted|indicated|revealed|estimated|recalled|explained|denied|denies';

/**
 * Phenomenon: reported acts of speech whose object is what was said ("vowed to fulfil …",
 * "accused the army of …", "welcomed the beginning of …"): the verb is part of the statement.
 * With "that" after them they report a clause like the verbs above.
 */
export const OBJECT_VERBS =
  'reported|reports|confirmed|confirms|announced|announces|accused|accuses|vowed|vows|' +
  'pledged|promised|urged|urges|called on|called for|requested|welcomed|welcomes|condemned|condemns|' +
  'demanded|blamed|denounced|threatened|rejected|appealed|praised|critici[sz]ed|expressed';

/** ", adding that …", ", insisting that …": a second statement by the sentence's speaker. */
export const PARTICIPLE_VERBS =
  'adding|insisting|saying|noting|stressing|warning|claiming|arguing|explaining|stating|accusing|urging|' +
  'calling on|promising|vowing|pledging|emphasi[sz]ing|underlining|recalling|describing';

/** Verbs that close a sentence with its speaker before them ("…, the ministry said."). */
export const CLOSING_VERBS = `${TRAILING_VERBS}|informed|reports|reported|announced|wrote|tweeted`;
