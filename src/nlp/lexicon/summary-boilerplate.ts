/**
 * What readers never want in a summary, as data: site furniture, bylines, captions and credits that
 * news bodies carry inline (Daily Mail copy glues photo captions into the running text), and the
 * sentence openings that do not stand alone. Each rule has a reason; `factor` multiplies the
 * sentence's score (0 = never pick it). Patterns are linear-time: no nested quantifiers.
 */
export interface BoilerplateRule {
  readonly id: string;
  readonly pattern: RegExp;
  /** Score multiplier in [0, 1]. */
  readonly factor: number;
  readonly reason: string;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { id: 'scroll-for-video', pattern: /\bScroll (?:down|up) (?:for|to)\b/i, factor: 0, reason: 'Daily Mail video prompt, glued to the caption after it' },
  { id: 'click-here', pattern: /\bClick here\b/i, factor: 0, reason: 'link furniture, meaningless out of the page' },
  { id: 'published-updated', pattern: /\b(?:PUBLISHED|UPDATED):|\bLast updated (?:at|on)\b/, factor: 0, reason: 'page timestamp line' },
  { id: 'byline', pattern: /^By\s*\.?\s+[A-Z][\p{L}'.-]*(?:\s+(?:[A-Z][\p{L}'.-]*|and|for|in|of))*\s*[.,|]?\s*$/u, factor: 0, reason: 'a byline standing alone ("By . Daily Mail Reporter .", "By John Smith")' },
  { id: 'staff-reporter', pattern: /\b(?:Daily Mail|MailOnline|Associated Press|Staff) (?:Reporter|Writer|Correspondent)s?\b/, factor: 0, reason: 'byline credit' },
  { id: 'image-credit', pattern: /\b(?:Photo|Image|Picture|Video|Credit|Source)s?(?: credit)?\s?:\s|\((?:AP|AFP|Reuters|Getty|EPA|PA|Rex)(?: Photo| Images| Pictures)\)|\b(?:Getty Images|AFP\/Getty|AP Photo|Rex Features|Shutterstock|Alamy)\b/, factor: 0, reason: 'image credit or caption label' },
  { id: 'share-follow', pattern: /\b(?:Share this (?:article|story)|Follow (?:us|@\w+)|Sign up for|Subscribe to|Read more:|Visit site|Read the full story|Like us on Facebook)\b/i, factor: 0, reason: 'share, subscribe and navigation furniture' },
  { id: 'caption-marker', pattern: /\((?:pictured|left|right|centre|center|top|bottom|above|below|file(?: photo| picture)?)\b|\bpictured\b/i, factor: 0.45, reason: 'photo caption wording ("pictured", "(left)"), usually a caption glued into the text' },
  { id: 'caption-label', pattern: /[a-z0-9)] [A-Z][a-z'-]+(?: [a-z'-]+)?: [A-Z]/, factor: 0.35, reason: 'a caption label ("... last Saturday Skilful: The kite ...") glued into a sentence with no full stop' },
  { id: 'dateline-only', pattern: /^[A-Z][A-Z .,'/-]{2,40}(?:\([\p{L} .]{1,30}\))?\s*[-\u2014\u2013:]?\s*$/u, factor: 0, reason: 'a dateline standing alone ("WASHINGTON (Reuters) -")' },
];

/** Speech verbs that make a "Name verb: Capital" match a quotation, not a caption label. */
export const CAPTION_LABEL_EXCEPTIONS = /\b(?:said|says|added|told|wrote|explained|asked|insisted|claimed|tweeted|posted|warned|continued|replied|admitted|declared|stated)\b/;

/**
 * Openers that point back to something the summary may not contain. Such a sentence is penalised
 * unless the sentence before it is also picked. Lowercase first word of the sentence.
 */
export const UNRESOLVED_OPENERS: Readonly<Record<string, { readonly factor: number; readonly reason: string }>> = {
  he: { factor: 0.55, reason: 'pronoun whose referent is in an earlier sentence' },
  she: { factor: 0.55, reason: 'pronoun whose referent is in an earlier sentence' },
  they: { factor: 0.55, reason: 'pronoun whose referent is in an earlier sentence' },
  it: { factor: 0.6, reason: 'pronoun whose referent is in an earlier sentence' },
  his: { factor: 0.6, reason: 'possessive pointing back' },
  her: { factor: 0.6, reason: 'possessive pointing back' },
  their: { factor: 0.6, reason: 'possessive pointing back' },
  its: { factor: 0.6, reason: 'possessive pointing back' },
  this: { factor: 0.6, reason: 'demonstrative pointing back' },
  these: { factor: 0.6, reason: 'demonstrative pointing back' },
  those: { factor: 0.6, reason: 'demonstrative pointing back' },
  that: { factor: 0.6, reason: 'demonstrative pointing back' },
  but: { factor: 0.5, reason: 'connector that continues the previous sentence' },
  and: { factor: 0.5, reason: 'connector that continues the previous sentence' },
  or: { factor: 0.5, reason: 'connector that continues the previous sentence' },
  so: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  yet: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  however: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  also: { factor: 0.6, reason: 'connector that continues the previous sentence' },
  meanwhile: { factor: 0.65, reason: 'connector that continues the previous sentence' },
  still: { factor: 0.6, reason: 'connector that continues the previous sentence' },
  instead: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  then: { factor: 0.6, reason: 'connector that continues the previous sentence' },
  thus: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  therefore: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  moreover: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  furthermore: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  nevertheless: { factor: 0.55, reason: 'connector that continues the previous sentence' },
  besides: { factor: 0.6, reason: 'connector that continues the previous sentence' },
  otherwise: { factor: 0.55, reason: 'connector that continues the previous sentence' },
};
