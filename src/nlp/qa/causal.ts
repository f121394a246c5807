/**
 * Whether a sentence gives a reason: the only kind of sentence a "why" question may be answered
 * from. A sentence that merely shares the question's words ("The council closed the bridge on
 * Tuesday" for "Why did the council close the bridge?") says what happened, not why: answering
 * from it would present a fact as a cause. Cues: a reason word ("because", "since", "due to",
 * "as a result", "amid", "after"...), a cause verb ("caused", "prompted", "led to"), a purpose ("so
 * that", "in order to", "to" + verb: "to secure the release").
 */
import type { QaToken } from './model';
import type { TokenTags } from './tagger';

/** One word that gives a reason or a cause by itself. */
const REASON_WORDS: ReadonlySet<string> = new Set([
  'because', 'since', 'after', 'amid', 'amidst', 'following', 'therefore', 'thus', 'hence', 'consequently',
  'reason', 'reasons', 'why', 'cause', 'caused', 'causes', 'causing', 'prompted', 'prompting', 'blamed',
  'triggered', 'sparked', 'so',
]);

/** Two words in a row that give a reason ("due to", "as a result" is matched by its head "result"). */
const REASON_PAIRS: ReadonlySet<string> = new Set([
  'due to', 'owing to', 'thanks to', 'led to', 'leads to', 'lead to', 'result of', 'a result', 'order to', 'in protest', 'for fear', 'in response',
]);

/** Part-of-speech tags (wink, Universal Dependencies) of a verb's base form after "to". */
const VERB_TAGS: ReadonlySet<string> = new Set(['VERB', 'AUX']);
/** Verbs of aiming whose "to" + verb is a purpose ("trying to recover market share", "sought to end"). */
const AIM_VERBS: ReadonlySet<string> = new Set([
  'try', 'tries', 'tried', 'trying', 'seek', 'seeks', 'sought', 'seeking', 'aim', 'aims', 'aimed', 'aiming',
  'hope', 'hopes', 'hoped', 'hoping', 'attempt', 'attempts', 'attempted', 'attempting', 'want', 'wants', 'wanted', 'wanting',
  'strive', 'strives', 'strove', 'striving', 'intend', 'intends', 'intended', 'intending', 'designed', 'meant',
]);
/** Tags of the word before a purpose "to": the end of a noun phrase, or a pause. */
const PURPOSE_AFTER: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM', 'PUNCT']);

export function hasCausalCue(tokens: readonly QaToken[], tags: TokenTags): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    if (REASON_WORDS.has(w)) {
      // "so" alone is a reason only as a conjunction (", so" or "so that"), not "so far" or "so many".
      if (w !== 'so') return true;
      const next = tokens[i + 1]?.lower;
      if (next === 'that' || tokens[i - 1]?.lower === ',') return true;
      continue;
    }
    const next = tokens[i + 1];
    if (next && REASON_PAIRS.has(`${w} ${next.lower}`)) return true;
    // Purpose: "to" + a verb after a noun or a pause ("orders to crack down", ", to secure"), not "to" + a
    // noun ("to Caracas") nor a verb's or adjective's complement ("refused to accept", "able to pay").
    if (w === 'to' && next && VERB_TAGS.has(tags.pos[i + 1] ?? '') && (PURPOSE_AFTER.has(tags.pos[i - 1] ?? '') || AIM_VERBS.has(tokens[i - 1]?.lower ?? ''))) return true;
  }
  return false;
}
