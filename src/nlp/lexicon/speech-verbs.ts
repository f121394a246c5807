/**
 * Cue verbs that introduce reported content, with every inflection Lede matches. Built from the
 * cue words of news attribution (PolNeAR's guidelines, AP style "said" and its alternatives) and the
 * errors seen while measuring; each class says why it is separate.
 */

/** What kind of attribution a cue makes: a quote bot shows `speech`; `belief` and `evidence` rank lower. */
export type CueClass = 'speech' | 'belief' | 'evidence';

/**
 * Lemma -> [third person, past, gerund] for verbs of saying. Past participle equals the past form
 * for all of them except where noted in IRREGULAR_FORMS.
 */
const SPEECH: Readonly<Record<string, readonly [string, string, string]>> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  add: ['adds', 'added', 'adding'],
  note: ['notes', 'noted', 'noting'],
  write: ['writes', 'wrote', 'writing'],
  report: ['reports', 'reported', 'reporting'],
  announce: ['announces', 'announced', 'announcing'],
  suggest: ['suggests', 'suggested', 'suggesting'],
  acknowledge: ['acknowledges', 'acknowledged', 'acknowledging'],
  warn: ['warns', 'warned', 'warning'],
  claim: ['claims', 'claimed', 'claiming'],
  argue: ['argues', 'argued', 'arguing'],
  insist: ['insists', 'insisted', 'insisting'],
  deny: ['denies', 'denied', 'denying'],
  respond: ['responds', 'responded', 'responding'],
  reply: ['replies', 'replied', 'replying'],
  mention: ['mentions', 'mentioned', 'mentioning'],
  declare: ['declares', 'declared', 'declaring'],
  continue: ['continues', 'continued', 'continuing'],
  explain: ['explains', 'explained', 'explaining'],
  state: ['states', 'stated', 'stating'],
  tweet: ['tweets', 'tweeted', 'tweeting'],
  post: ['posts', 'posted', 'posting'],
  indicate: ['indicates', 'indicated', 'indicating'],
  confirm: ['confirms', 'confirmed', 'confirming'],
  admit: ['admits', 'admitted', 'admitting'],
  assert: ['asserts', 'asserted', 'asserting'],
  contend: ['contends', 'contended', 'contending'],
  maintain: ['maintains', 'maintained', 'maintaining'],
  stress: ['stresses', 'stressed', 'stressing'],
  emphasize: ['emphasizes', 'emphasized', 'emphasizing'],
  predict: ['predicts', 'predicted', 'predicting'],
  promise: ['promises', 'promised', 'promising'],
  vow: ['vows', 'vowed', 'vowing'],
  pledge: ['pledges', 'pledged', 'pledging'],
  complain: ['complains', 'complained', 'complaining'],
  observe: ['observes', 'observed', 'observing'],
  remark: ['remarks', 'remarked', 'remarking'],
  recall: ['recalls', 'recalled', 'recalling'],
  reveal: ['reveals', 'revealed', 'revealing'],
  disclose: ['discloses', 'disclosed', 'disclosing'],
  allege: ['alleges', 'alleged', 'alleging'],
  charge: ['charges', 'charged', 'charging'],
  concede: ['concedes', 'conceded', 'conceding'],
  counter: ['counters', 'countered', 'countering'],
  retort: ['retorts', 'retorted', 'retorting'],
  quip: ['quips', 'quipped', 'quipping'],
  joke: ['jokes', 'joked', 'joking'],
  boast: ['boasts', 'boasted', 'boasting'],
  brag: ['brags', 'bragged', 'bragging'],
  ask: ['asks', 'asked', 'asking'],
  answer: ['answers', 'answered', 'answering'],
  exclaim: ['exclaims', 'exclaimed', 'exclaiming'],
  proclaim: ['proclaims', 'proclaimed', 'proclaiming'],
  caution: ['cautions', 'cautioned', 'cautioning'],
  point: ['points', 'pointed', 'pointing'],
  reiterate: ['reiterates', 'reiterated', 'reiterating'],
  repeat: ['repeats', 'repeated', 'repeating'],
  testify: ['testifies', 'testified', 'testifying'],
  whisper: ['whispers', 'whispered', 'whispering'],
  shout: ['shouts', 'shouted', 'shouting'],
  yell: ['yells', 'yelled', 'yelling'],
  scream: ['screams', 'screamed', 'screaming'],
  chant: ['chants', 'chanted', 'chanting'],
  conclude: ['concludes', 'concluded', 'concluding'],
  estimate: ['estimates', 'estimated', 'estimating'],
  assure: ['assures', 'assured', 'assuring'],
  inform: ['informs', 'informed', 'informing'],
  urge: ['urges', 'urged', 'urging'],
  demand: ['demands', 'demanded', 'demanding'],
  accuse: ['accuses', 'accused', 'accusing'],
  criticize: ['criticizes', 'criticized', 'criticizing'],
  speculate: ['speculates', 'speculated', 'speculating'],
  agree: ['agrees', 'agreed', 'agreeing'],
  object: ['objects', 'objected', 'objecting'],
  protest: ['protests', 'protested', 'protesting'],
  hint: ['hints', 'hinted', 'hinting'],
  imply: ['implies', 'implied', 'implying'],
  threaten: ['threatens', 'threatened', 'threatening'],
  tout: ['touts', 'touted', 'touting'],
  describe: ['describes', 'described', 'describing'],
  comment: ['comments', 'commented', 'commenting'],
  // Verbs of public judgement: their object is the words' target ("denounced the ruling as ...").
  denounce: ['denounces', 'denounced', 'denouncing'],
  decry: ['decries', 'decried', 'decrying'],
  condemn: ['condemns', 'condemned', 'condemning'],
  highlight: ['highlights', 'highlighted', 'highlighting'],
  lament: ['laments', 'lamented', 'lamenting'],
};

/** Cognition and attitude: "X believes Y" is an attribution but not something X said. */
const BELIEF: Readonly<Record<string, readonly [string, string, string]>> = {
  believe: ['believes', 'believed', 'believing'],
  think: ['thinks', 'thought', 'thinking'],
  know: ['knows', 'knew', 'knowing'],
  feel: ['feels', 'felt', 'feeling'],
  fear: ['fears', 'feared', 'fearing'],
  hope: ['hopes', 'hoped', 'hoping'],
  worry: ['worries', 'worried', 'worrying'],
  expect: ['expects', 'expected', 'expecting'],
  doubt: ['doubts', 'doubted', 'doubting'],
  suspect: ['suspects', 'suspected', 'suspecting'],
  realize: ['realizes', 'realized', 'realizing'],
  understand: ['understands', 'understood', 'understanding'],
  assume: ['assumes', 'assumed', 'assuming'],
  learn: ['learns', 'learned', 'learning'],
};

/** Documents and data as sources: "a poll shows ...", "the study found ...". */
const EVIDENCE: Readonly<Record<string, readonly [string, string, string]>> = {
  show: ['shows', 'showed', 'showing'],
  find: ['finds', 'found', 'finding'],
};

/** Forms that are not the regular ones above. */
const IRREGULAR_FORMS: Readonly<Record<string, string>> = { shown: 'show', known: 'know', written: 'write' };

export interface CueVerb {
  readonly lemma: string;
  readonly cls: CueClass;
  readonly form: 'base' | 'third' | 'past' | 'gerund';
}

function build(): Map<string, CueVerb> {
  const m = new Map<string, CueVerb>();
  const add = (table: Readonly<Record<string, readonly [string, string, string]>>, cls: CueClass): void => {
    for (const [lemma, [third, past, gerund]] of Object.entries(table)) {
      m.set(lemma, { lemma, cls, form: 'base' });
      m.set(third, { lemma, cls, form: 'third' });
      m.set(past, { lemma, cls, form: 'past' });
      m.set(gerund, { lemma, cls, form: 'gerund' });
    }
  };
  add(SPEECH, 'speech');
  add(BELIEF, 'belief');
  add(EVIDENCE, 'evidence');
  for (const [form, lemma] of Object.entries(IRREGULAR_FORMS)) {
    const base = m.get(lemma);
    if (base) m.set(form, { lemma, cls: base.cls, form: 'past' });
  }
  return m;
}

/** Every cue form (lowercase) -> its lemma, class and form. */
export const CUE_VERBS: ReadonlyMap<string, CueVerb> = build();

/**
 * Lemmas whose bare forms are mostly nouns or other verbs in news ("the claims", "a report",
 * "points", "charges", "posts", "answers"): they count as cues only right after a subject that is a
 * person or source, never inverted ("said Trump" yes, "reports Trump" no).
 */
export const NOUNLIKE_LEMMAS: ReadonlySet<string> = new Set([
  'report', 'claim', 'note', 'charge', 'post', 'point', 'answer', 'object', 'protest', 'state', 'counter',
  'estimate', 'promise', 'pledge', 'demand', 'remark', 'repeat', 'joke', 'continue', 'find', 'show', 'hope',
  'fear', 'doubt', 'suspect', 'feel', 'learn', 'know', 'expect', 'worry', 'describe', 'agree', 'threaten',
  'ask', 'urge', 'accuse', 'criticize', 'tout', 'hint', 'imply', 'inform', 'assure', 'recall', 'chant', 'comment',
]);

/**
 * Verbs whose content is a clause only when a complementizer or a colon follows ("X agreed that",
 * "X asked whether"); without one they take objects ("agreed to a deal", "asked him to leave").
 */
export const CLAUSE_NEEDS_THAT: ReadonlySet<string> = new Set([
  'agree', 'ask', 'urge', 'demand', 'accuse', 'criticize', 'threaten', 'tout', 'describe', 'inform', 'assure',
  'recall', 'chant', 'continue', 'answer', 'object', 'protest', 'hint', 'imply', 'learn', 'know', 'understand',
  'expect', 'post', 'tweet', 'report', 'announce', 'reveal', 'disclose', 'confirm', 'deny', 'admit', 'acknowledge',
  'respond', 'reply', 'counter', 'retort', 'promise', 'vow', 'pledge', 'complain', 'show', 'find', 'feel',
  'fear', 'hope', 'worry', 'doubt', 'assume', 'realize', 'estimate', 'predict', 'mention', 'stress', 'emphasize',
  'point', 'recall', 'testify', 'whisper', 'shout', 'yell', 'scream', 'conclude', 'speculate', 'indicate',
  'maintain', 'concede', 'allege', 'charge', 'repeat', 'reiterate', 'observe', 'remark', 'joke', 'quip',
  'boast', 'brag', 'exclaim', 'proclaim', 'caution', 'explain', 'state', 'declare', 'write', 'note', 'add',
  'suggest', 'claim', 'warn', 'argue', 'insist', 'believe', 'think', 'suspect',
]);

/**
 * Verbs that introduce a clause directly, with no "that" ("He said Venezuela agreed", "Officials
 * believe the plan will work"): the rest need "that", a colon or a quotation to take content.
 */
export const CLAUSE_WITHOUT_THAT: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'write', 'claim', 'argue', 'insist', 'warn', 'suggest', 'note', 'believe', 'think',
  'predict', 'estimate', 'acknowledge', 'admit', 'explain', 'declare', 'stress', 'contend', 'maintain',
  'assert', 'concede', 'allege', 'fear', 'hope', 'expect', 'worry', 'suspect', 'doubt', 'find',
  'show', 'indicate', 'confirm', 'report', 'complain', 'boast', 'brag', 'joke', 'quip', 'recall',
  'reveal', 'reiterate', 'vow', 'promise', 'pledge', 'deny', 'emphasize', 'mention', 'observe', 'conclude',
  'speculate', 'assure', 'caution', 'respond', 'reply', 'counter', 'retort', 'testify', 'tweet', 'post',
]);

/**
 * Verbs whose noun-phrase object is itself what was said ("announced his candidacy", "criticized
 * the senator for ...", "described the plan as ...", "denied the report"): after a person or source
 * subject, the object is reported content even with no clause.
 */
export const OBJECT_CONTENT_LEMMAS: ReadonlySet<string> = new Set([
  'announce', 'criticize', 'describe', 'deny', 'reveal', 'disclose', 'mention', 'confirm', 'acknowledge', 'accuse', 'claim',
  'promise', 'tout', 'report', 'reiterate', 'repeat', 'denounce', 'decry', 'condemn', 'highlight', 'lament',
]);

/** Words between a subject and its cue that do not break the pattern ("Trump has also said"). */
export const CUE_MODIFIERS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'also', 'later', 'then', 'previously', 'recently', 'repeatedly', 'once', 'again',
  'publicly', 'privately', 'reportedly', 'often', 'frequently', 'still', 'now', 'already', 'initially',
  'originally', 'first', 'further', 'flatly', 'falsely', 'correctly', 'wrongly', 'quickly', 'angrily',
  'bluntly', 'simply', 'openly', 'separately', 'subsequently', 'would', 'will', 'could', 'might', 'may',
  'did', 'does', 'do', 'is', 'are', 'was', 'were', 'been', 'not', 'never', 'always', 'even', 'just',
  'explicitly', 'specifically', 'famously', 'memorably', 'repeatedly',
  'immediately', 'eventually', 'finally', 'ultimately', 'indeed', 'actually', 'personally', 'reportedly',
]);

/** Objects of "told" and friends that are the audience, not the content ("told reporters"). */
export const AUDIENCE_WORDS: ReadonlySet<string> = new Set([
  'reporters', 'journalists', 'the', 'a', 'an', 'me', 'him', 'her', 'us', 'them', 'you', 'supporters',
  'voters', 'lawmakers', 'members', 'colleagues', 'viewers', 'listeners', 'readers', 'audience', 'crowd',
  'congress', 'senators', 'parliament', 'students', 'donors', 'officials', 'the press', 'interviewers',
]);

/**
 * Nouns of saying that take a "that" clause as their content when someone owns them ("her claim
 * that ...", "the statement by the council that ..."): reported speech in a noun phrase.
 */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'claim', 'claims', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'assertion',
  'assertions', 'argument', 'warning', 'warnings', 'suggestion', 'insistence', 'contention', 'allegation',
  'allegations', 'accusation', 'accusations', 'announcement', 'admission', 'prediction', 'promise', 'pledge',
  'vow', 'declaration', 'assurance', 'assurances', 'boast', 'charge', 'complaint',
]);
