/**
 * Question analysis: what kind of answer the question expects (from its wh-word and the noun after
 * it), its content terms for retrieval, whether it asks for the subject or the object of its verb,
 * and whether it is a who-said question for the quote index.
 */
import {
  DATE_HEADS,
  HOW_DURATION_WORDS,
  HOW_MEASURE_WORDS,
  NUMBER_HEADS,
  ORGANIZATION_HEADS,
  PERSON_HEADS,
  PLACE_HEADS,
  SAY_VERBS,
  type AnswerType,
} from '../lexicon/qa-answer-types';
import { CLOSED_CLASS_HEADS, NAMED_CLASS_HEADS, RANK_HEADS } from '../lexicon/qa-head-classes';
import { segment } from '../segment';
import { MONEY_WORDS } from '../lexicon/qa-names';
import type { QuestionAnalysis, QuestionFocus, QuoteQuery } from './model';
import { tagTokens } from './tagger';
import { isContentWord, termOf } from './terms';

/** Questions longer than this are cut: no real question is longer, and work stays bounded. */
export const MAX_QUESTION_CHARS = 600;

const WH_WORDS = new Set(['who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'what', 'which']);
/** Words between what/which and the head noun that do not name the answer's kind ("what kind of cells"). */
const HEAD_SKIP = new Set(['kind', 'kinds', 'type', 'types', 'sort', 'sorts', 'form', 'forms', 'name', 'names', 'of', 'a', 'an', 'the', 'other', 'two', 'three', 'specific', 'particular', 'exact', 'main', 'major', 'primary', 'most', 'many', 'one']);
const AUX_DO = new Set(['do', 'did', 'does', "didn't", "doesn't", "don't"]);
const AUX_BE_HAVE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must']);
const COPULA = new Set(['is', 'was', 'are', 'were']);
/** Nouns that only name the question's act ("the name of X"): the real head is X's noun. */
const EMPTY_HEADS = new Set(['name', 'names', 'term', 'title', 'word', 'kind', 'type', 'form', 'example', 'one']);

/** The head noun of the noun phrase at `from` ("the highest price of oil" -> price), skipping empty heads. */
function copulaHead(words: readonly QWord[], from: number): string {
  return copulaHeadAt(words, from).head;
}

/** copulaHead with the head's word index (-1 when none). */
function copulaHeadAt(words: readonly QWord[], from: number): { head: string; at: number } {
  let k = from;
  if (words[k]?.pos === 'DET') k++;
  let head = '';
  let at = -1;
  while (k < words.length && /NOUN|ADJ|PROPN|NUM/.test(words[k]!.pos)) {
    if (/NOUN/.test(words[k]!.pos)) {
      head = words[k]!.lower;
      at = k;
    }
    k++;
  }
  if (EMPTY_HEADS.has(head) && words[k]?.lower === 'of') return copulaHeadAt(words, k + 1);
  return { head, at };
}

/**
 * The key constraint of "Who is the president of Colombia?" / "What is the capital of France?":
 * the role or relation noun and what it is of. An answer is only one the article states with that
 * noun next to it and the modifier in or beside its sentence; anything else near "Colombia" is a
 * guess.
 */
function copularFocus(words: readonly QWord[], from: number, names: ReadonlySet<string>): QuestionFocus | null {
  const { head, at } = copulaHeadAt(words, from);
  // A capitalized head is part of a name ("the first Doctor Who serial"), and a verb after the
  // phrase makes it a passive question ("Who are committees comprised of?"), not a copular one.
  if (!head || at < 0 || words[at]!.capitalized || words[at + 1]?.pos === 'VERB') return null;
  const headTerm = words[at]!.term;
  const modifiers = new Set<string>();
  for (const n of names) if (n !== headTerm) modifiers.add(n);
  // "... of the ferry", "a spokeswoman for the council": the nouns the relation is of.
  if (words[at + 1]?.lower === 'of' || words[at + 1]?.lower === 'for') {
    for (let k = at + 2; k < words.length && /NOUN|ADJ|PROPN|NUM|DET/.test(words[k]!.pos); k++) {
      if (words[k]!.content && /NOUN|PROPN|NUM/.test(words[k]!.pos)) modifiers.add(words[k]!.term);
    }
  }
  // Words before the head inside the phrase that are names ("the Colombian president") are in `names`.
  return { head: headTerm, modifiers: [...modifiers] };
}

/** Weight of the wh-phrase's own nouns ("how many reptiles"): they name the answer's kind. */
export const WH_PHRASE_TERM_WEIGHT = { value: 1.6 };
/** Weight of a question term written with a capital (a name) or as a number: rarer and decisive. */
const NAME_TERM_WEIGHT = 1.6;

interface QWord {
  readonly text: string;
  readonly lower: string;
  readonly term: string;
  readonly pos: string;
  readonly content: boolean;
  readonly capitalized: boolean;
  readonly number: boolean;
}

function typeOfHead(head: string): AnswerType | null {
  // A rank or a rating is a number ("what position", "what rating").
  if (RANK_HEADS.has(head)) return 'number';
  if (DATE_HEADS.has(head)) return 'date';
  if (PLACE_HEADS.has(head)) return 'place';
  if (PERSON_HEADS.has(head)) return 'person';
  if (ORGANIZATION_HEADS.has(head)) return 'organization';
  if (NUMBER_HEADS.has(head)) return 'number';
  return null;
}

export function analyzeQuestion(raw: string): QuestionAnalysis {
  const text = raw.length > MAX_QUESTION_CHARS ? raw.slice(0, MAX_QUESTION_CHARS) : raw;
  const seg = segment(text);
  const toks = seg.tokens.filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'abbrev');
  const tags = tagTokens(seg.folded, toks);
  // After do-support ("When did Tugh Temür found ...?") a verb is in its base form.
  let doSupport = false;
  const words: QWord[] = toks.map((t, i) => {
    const surface = seg.folded.slice(t.start, t.end);
    const lower = surface.toLowerCase();
    const bare = doSupport && tags.pos[i] === 'VERB';
    if (AUX_DO.has(lower)) doSupport = true;
    return {
      text: surface,
      lower,
      term: termOf(lower, bare),
      pos: tags.pos[i] ?? 'X',
      content: isContentWord(lower),
      capitalized: i > 0 && /^\p{Lu}/u.test(surface),
      number: t.kind === 'number',
    };
  });

  // The wh-word: the first one ("In what year...", "... by what kind of cells?").
  let whAt = words.findIndex((w) => WH_WORDS.has(w.lower));
  // "When Tesla photographed Twain, what showed up?": a leading when/where clause is not the question.
  if (whAt === 0 && (words[0]!.lower === 'when' || words[0]!.lower === 'where')) {
    const comma = seg.folded.indexOf(',');
    const later = comma > 0 ? words.findIndex((w, i) => i > 0 && WH_WORDS.has(w.lower) && toks[i]!.start > comma) : -1;
    if (later > 0) whAt = later;
  }
  let wh = whAt >= 0 ? words[whAt]!.lower : '';
  let head = '';
  let answerType: AnswerType = 'noun';
  let phraseEnd = whAt + 1; // first word after the wh-phrase
  if (wh === 'who' || wh === 'whom' || wh === 'whose') answerType = 'person';
  else if (wh === 'when') answerType = 'date';
  else if (wh === 'where') answerType = 'place';
  else if (wh === 'why') answerType = 'clause';
  else if (wh === 'how') {
    const next = words[whAt + 1]?.lower ?? '';
    if (HOW_MEASURE_WORDS.has(next)) {
      wh = `how ${next}`;
      answerType = HOW_DURATION_WORDS.has(next) ? 'number' : 'number';
      phraseEnd = whAt + 2;
      // "how many soldiers": the counted noun belongs to the wh-phrase.
      if ((next === 'many' || next === 'much') && words[whAt + 2] && /NOUN|PROPN|ADJ/.test(words[whAt + 2]!.pos)) {
        head = words[whAt + 2]!.lower;
        phraseEnd = whAt + 3;
      }
    } else answerType = 'clause';
  } else if (wh === 'what' || wh === 'which') {
    let k = whAt + 1;
    while (k < words.length && HEAD_SKIP.has(words[k]!.lower)) k++;
    // The head: the last noun of the run after what/which ("what Senate committee" -> committee).
    let h = -1;
    while (k < words.length && /NOUN|PROPN|ADJ|NUM/.test(words[k]!.pos) && !AUX_BE_HAVE.has(words[k]!.lower) && !AUX_DO.has(words[k]!.lower)) {
      if (/NOUN|PROPN/.test(words[k]!.pos)) h = k;
      k++;
    }
    if (h >= 0) {
      head = words[h]!.lower;
      phraseEnd = h + 1;
      answerType = typeOfHead(head) ?? typeOfHead(head.replace(/s$/, '')) ?? 'noun';
    } else if (COPULA.has(words[whAt + 1]?.lower ?? '')) {
      // "What is the mortality rate of X?": the copula's noun phrase names the answer's kind.
      const np = copulaHead(words, whAt + 2);
      if (np) {
        head = np;
        answerType = typeOfHead(head) ?? typeOfHead(head.replace(/s$/, '')) ?? 'noun';
      }
    }
  } else if (whAt < 0) {
    // "Name the ...", or a statement ending in "?": a noun phrase.
    whAt = -1;
  }

  // Subject or object: "Who refused X?" (a verb right after the wh-phrase) vs "Who did X meet?".
  const after = words[phraseEnd];
  let asksSubject = false;
  if (after && whAt >= 0) {
    if (AUX_DO.has(after.lower)) asksSubject = false;
    else if (AUX_BE_HAVE.has(after.lower)) asksSubject = words[phraseEnd + 1]?.pos === 'VERB' && words[phraseEnd + 1]!.lower.endsWith('ed');
    else asksSubject = after.pos === 'VERB' || after.pos === 'AUX';
  }

  const terms = new Map<string, number>();
  const names = new Set<string>();
  const bigrams: string[] = [];
  const verbTerms = new Set<string>();
  let prevTerm: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const inWhPhrase = whAt >= 0 && i >= whAt && i < phraseEnd;
    // Function words are skipped, not breaks: a sentence's bigrams skip them too (retrieve.ts), so
    // "birds and mammals" in the question meets "birds and mammals" in the text.
    if (inWhPhrase && i === whAt) prevTerm = null;
    if (!w.content || (inWhPhrase && i === whAt)) continue;
    // The head noun names the answer's kind; it rarely appears next to the answer, so it weighs less.
    const weight = inWhPhrase ? WH_PHRASE_TERM_WEIGHT.value : w.capitalized || w.number ? NAME_TERM_WEIGHT : 1;
    terms.set(w.term, Math.max(terms.get(w.term) ?? 0, weight));
    if ((w.capitalized || w.number) && !inWhPhrase) names.add(w.term);
    if (prevTerm) bigrams.push(`${prevTerm} ${w.term}`);
    prevTerm = w.term;
    if (w.pos === 'VERB' && i >= phraseEnd) verbTerms.add(w.term);
  }

  // The names the question writes ("the Britain Can Make It exhibition" -> britain can make it).
  const nameRuns: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.capitalized) continue;
    const run: string[] = [];
    while (i < words.length && (words[i]!.capitalized || (NAME_GLUE.has(words[i]!.lower) && words[i + 1]?.capitalized))) {
      if (words[i]!.capitalized) run.push(words[i]!.term);
      i++;
    }
    nameRuns.push(run);
  }
  const quoteQuery = detectQuoteQuery(words);
  // "how much ... cost/pay": money; "how much" otherwise: a quantity with its unit; "how many": a count.
  let measure: QuestionAnalysis['measure'] = null;
  const moneyHead = head !== '' && MONEY_WORDS.has(head);
  if (wh === 'how much') measure = words.some((w) => MONEY_WORDS.has(w.lower)) ? 'money' : 'quantity';
  else if (wh === 'how many') measure = 'count';
  else if (answerType === 'number' && moneyHead) measure = 'money';
  const copularAt = whAt >= 0 && COPULA.has(words[whAt + 1]?.lower ?? '') && (wh === 'who' || wh === 'what' || wh === 'which') ? whAt + 2 : -1;
  const focus = copularAt > 0 && words[copularAt]?.pos !== 'VERB' ? copularFocus(words, copularAt, names) : null;
  const describes = asksDescription(words, whAt, wh, answerType, head);
  // Turn the question back into a statement to see where the answer goes among its words.
  const leftTerms = new Set<string>();
  const rightTerms = new Set<string>();
  if (whAt >= 0) {
    const inverted = after !== undefined && (AUX_DO.has(after.lower) || AUX_BE_HAVE.has(after.lower)) && !asksSubject;
    // "Who is X?" / "What was the Y of Z?": the answer may stand on either side of a copula.
    const copular = after !== undefined && COPULA.has(after.lower) && words[phraseEnd + 1]?.pos !== 'VERB';
    if (copular) return { ...result(), leftTerms, rightTerms };
    const beforeWh = whAt > 0 ? words[whAt - 1]! : undefined;
    const prefixIsAdverbial = whAt > 0 && seg.folded.slice(toks[whAt - 1]!.end, toks[whAt]!.start).includes(',');
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w.content || (i >= whAt && i < phraseEnd)) continue;
      if (i < whAt) {
        if (!prefixIsAdverbial) leftTerms.add(w.term);
      } else if (inverted) leftTerms.add(w.term);
      else rightTerms.add(w.term);
    }
    void beforeWh;
  }

  function result(): QuestionAnalysis {
    return {
      text,
      wh,
      leftTerms,
      rightTerms,
      names,
      answerType: quoteQuery ? 'quote' : answerType,
      head,
      terms,
      bigrams,
      asksSubject,
      verbTerms,
      quoteQuery,
      measure,
      focus,
      describes,
      members: head ? (CLOSED_CLASS_HEADS.get(head) ?? null) : null,
      wantsName: answerType === 'noun' && NAMED_CLASS_HEADS.has(head),
      plural: asksPlural(words, whAt, head),
      asksTerm: asksTermFor(text),
      asksKind: asksKindOf(words, whAt, head),
      nameRuns,
      predicate: asksPredicate(words, whAt, wh),
      asksExample: EXAMPLE_QUESTION.test(text),
      whPreposition: whAt > 0 && words[whAt - 1]!.pos === 'ADP' ? words[whAt - 1]!.lower : '',
    };
  }
  return result();
}

/** "What is X called?", "What is another word/name/term for X?", "What is X known as?", "What was X named?". */
const TERM_QUESTION = /\b(?:called|known as|referred to as|termed|named|(?:word|name|term) for)\b/i;
function asksTermFor(text: string): boolean {
  return TERM_QUESTION.test(text);
}

const DESCRIBE_WORDS = new Set(['describe', 'described', 'characterize', 'characterized', 'characterise', 'characterised']);
const DO_FORMS = new Set(['do', 'doing', 'does', 'did']);
const HAPPEN_FORMS = new Set(['happen', 'happened', 'happens', 'happening']);

/**
 * The question asks what its subject does or is like, answered by a predicate: "What do most
 * pharmacies do?", "What does X do to Y?" ('do'); "What happened to X?", "What was happening to
 * X?", "What do such societies tend to be?" ('do' too); "How did the emperor die?" ('how': a
 * manner clause answers as well); "How would one describe the summers?" ('describe': adjectives, not a manner).
 */
function asksPredicate(words: readonly QWord[], whAt: number, wh: string): 'do' | 'how' | 'describe' | null {
  if (whAt < 0) return null;
  const next = words[whAt + 1]?.lower ?? '';
  if (wh === 'what') {
    if (AUX_DO.has(next) && words.some((w, i) => i > whAt + 2 && DO_FORMS.has(w.lower))) return 'do';
    if (words.some((w, i) => i > whAt && HAPPEN_FORMS.has(w.lower))) return 'do';
    // "What do such towns tend to be (in winter)?": 'be' with nothing or a phrase after it.
    if (AUX_DO.has(next) && words.some((w, i) => i > whAt + 2 && w.lower === 'be' && (i === words.length - 1 || words[i + 1]!.pos === 'ADP'))) return 'do';
  }
  // "How did the emperor die?", "How does immunity help in the future?": the verb takes no object,
  // so the answer is what happened (a verb), not a thing; "How did the plague reach Alexandria?" asks for a manner.
  // "How would one describe the summers?", "How is the winter described?", "How common was it?":
  // adjectives answer ("hot and dry", "mild and sunny").
  if (wh === 'how' && (words.some((w, i) => i > whAt && DESCRIBE_WORDS.has(w.lower)) || (words[whAt + 1]?.pos === 'ADJ' && !HOW_MEASURE_WORDS.has(next)))) return 'describe';
  if (wh === 'how' && AUX_DO.has(next)) {
    let v = -1;
    for (let i = whAt + 2; i < words.length; i++) if (words[i]!.pos === 'VERB') v = i;
    if (v > 0 && (v === words.length - 1 || words[v + 1]!.pos === 'ADP')) return 'how';
  }
  return null;
}

/** "What is an example of X?", "one type of X", "Which of the X ...": an instance, which a text introduces with "such as". */
const EXAMPLE_QUESTION = /\b(?:examples?|instances?|one (?:type|kind|sort|form) of|which (?:one )?of the)\b/i;

/** Lowercase words inside a name ("Bank of America"). */
const NAME_GLUE = new Set(['of', 'de', 'da', 'del', 'di', 'du', 'van', 'von', 'der', 'the', 'and', '&', 'for', 'on']);

/** Nouns that ask for a sort of thing when "of" and a noun follow them ("what kind of membrane"). */
const KIND_NOUNS = new Set(['kind', 'kinds', 'type', 'types', 'sort', 'sorts', 'form', 'forms', 'variety', 'varieties', 'class']);

/** "What kind/type/sort of X": the answer is what sets X apart (its modifier: "phagosomal" membrane). */
function asksKindOf(words: readonly QWord[], whAt: number, head: string): boolean {
  if (whAt < 0 || !head) return false;
  let k = whAt + 1;
  if (words[k]?.lower === 'other' || words[k]?.lower === 'a') k++;
  return KIND_NOUNS.has(words[k]?.lower ?? '') && words[k + 1]?.lower === 'of';
}

/** Plural asks: a plural head ("which countries"), "what are/were", or a count in the question ("the three"). */
function asksPlural(words: readonly QWord[], whAt: number, head: string): boolean {
  if (whAt < 0) return false;
  if (head && /[^s]s$/.test(head) && !DATE_HEADS.has(head)) return true;
  const next = words[whAt + 1]?.lower ?? '';
  if (next === 'are' || next === 'were') return true;
  return words.some((w) => PLURAL_COUNTS.has(w.lower));
}
const PLURAL_COUNTS = new Set(['two', 'three', 'four', 'five', 'six', 'several', 'both']);

/** Nouns after "What is/was the" that ask for a state or a description, not a thing's name. */
const DESCRIPTION_HEADS = new Set(['condition', 'conditions', 'purpose', 'role', 'effect', 'effects', 'impact', 'result', 'results', 'outcome', 'trend', 'goal', 'aim', 'mission', 'function', 'definition', 'meaning', 'difference', 'differences', 'problem', 'criticism', 'reason', 'cause', 'consequence', 'consequences', 'nature', 'view', 'belief', 'idea', 'principle', 'situation', 'status', 'state']);

/**
 * "What is X?" with X named whole (no kind asked: "What is Christian Perfection?"), "What were the
 * conditions / the effects / the purpose of ...", "What happened (to) ...": the answer describes.
 */
function asksDescription(words: readonly QWord[], whAt: number, wh: string, answerType: AnswerType, head: string): boolean {
  if (wh !== 'what' || answerType !== 'noun' || whAt < 0) return false;
  const next = words[whAt + 1]?.lower ?? '';
  if (next === 'happened' || next === 'happens') return true;
  if (!COPULA.has(next)) return false;
  if (DESCRIPTION_HEADS.has(head)) return true;
  // "What is Christian Perfection?": the rest is one name, capitalized, with no noun asked for.
  const rest = words.slice(whAt + 2);
  return rest.length > 0 && rest.length <= 4 && rest.every((w) => w.capitalized || w.pos === 'DET');
}

const SAY_BASE = new Set(['say', 'tell', 'state', 'claim', 'argue', 'add', 'remark', 'declare', 'announce', 'comment', 'think', 'warn', 'insist', 'explain', 'note', 'write', 'describe']);

/**
 * "What did Grenell say (about the visit)?" -> speaker (+ topic); "Who said the visit was a big
 * gift?" -> phrase. Anything else is not a who-said question.
 */
function detectQuoteQuery(words: readonly QWord[]): QuoteQuery | null {
  const lw = words.map((w) => w.lower);
  if (lw.length < 3) return null;
  // What did/does/has X say/tell/... [about Y]
  if (lw[0] === 'what' && (AUX_DO.has(lw[1]!) || lw[1] === 'has' || lw[1] === 'have' || lw[1] === 'had')) {
    const v = lw.findIndex((w, i) => i >= 3 && SAY_BASE.has(w));
    if (v >= 3) {
      const speaker = words.slice(2, v).map((w) => w.text).join(' ');
      const rest = lw.slice(v + 1);
      const aboutAt = rest.findIndex((w) => w === 'about' || w === 'on' || w === 'regarding');
      const topic = aboutAt >= 0 && aboutAt + 1 < rest.length ? words.slice(v + 2 + aboutAt).map((w) => w.text).join(' ') : null;
      // "What did X tell Y?" still asks for X's words; but more than a short object means a factual question.
      if (rest.length - (aboutAt >= 0 ? rest.length - aboutAt : 0) <= 2) return { speaker, phrase: null, topic };
    }
  }
  // Who said/told/claimed [that] PHRASE
  if ((lw[0] === 'who' || (lw[0] === 'which' && lw.length > 3)) && SAY_VERBS.has(lw[1]!) && lw[1] !== 'called' && lw[1] !== 'call') {
    const from = lw[2] === 'that' ? 3 : 2;
    const phrase = words.slice(from).map((w) => w.text).join(' ');
    if (phrase.split(' ').length >= 2) return { speaker: null, phrase, topic: null };
  }
  return null;
}
