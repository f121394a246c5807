/**
 * `extractQuotes(text)`: every attribution in an article, in text order. Steps:
 * 1. pair quotation marks (marks.ts); 2. find attribution frames per sentence (frames.ts) and Q&A
 * labels (labels.ts); 3. turn frames into quotes (direct / mixed / indirect by their content); 4. give
 * the quotations no frame took their speaker, most local evidence first: a credit right after the
 * quotation (`"..." ― Lee`, `"..." Lee said.` as a sentence of its own, trailing.ts), a colon
 * lead-in (`Lee fired back: "..."`, `- Mia Brandt: "..."`, leadin.ts), a verb of naming or judging
 * (`Lee called the plan "..."`, embedded.ts); then continuation: a quotation right after an
 * attributed one in the same paragraph is its next fragment, a paragraph that opens with a
 * quotation after a quoted paragraph (or after one narrative paragraph about the same speaker)
 * continues that speaker, a quoted sentence after a narrative sentence about a person is that
 * person's. A quotation with an attribution of its own that no rule read never falls back to an
 * earlier speaker; 5. resolve speakers to canonical names (resolve.ts).
 */
import { segment, type Segmentation } from '../segment';
import { buildContext, isCapitalized, isQuoteMark, tokenAtOrAfter, type QuoteContext } from './context';
import { directRegions, kindOf, regionChain, regionFragments, trimSpan, type Span } from './content';
import type { Frame } from './frame-types';
import { afterQuotationFrame, framesInSentence } from './frames';
import { labelFrame } from './labels';
import { embeddedFrame } from './embedded';
import { asClauseFrame, leadInFrame, subjectMention } from './leadin';
import type { Mention } from './mentions';
import { SpeakerResolver } from './resolve';
import { isQuotedTitle } from './titles';
import { openSlotTailFrame, trailingSentenceFrame } from './trailing';
import { commaLeadInFrame, longSubjectTailFrame, mainClauseAfterCue, opensWithSubordinator } from './long-subject';
import type { Quote, QuoteKind } from './types';
import { CUE_VERBS, type CueClass } from '../lexicon/speech-verbs';

/** A quotation of fewer words with no cue is a scare quote or a title ("so-called 'deal'"), not a quote. */
export const MIN_UNATTRIBUTED_WORDS = 3;
/** Words a quotation needs to be reported with no speaker at all. */
export const MIN_UNATTRIBUTED_SENTENCE_WORDS = 8;
/** Attributed content shorter than this is not worth reporting ("he said so"). */
const MIN_CONTENT_WORDS = 2;
/** Confidence of a paragraph that continues the previous paragraph's speaker with no cue. */
const CONTINUATION_TRUST = 0.6;
/** Confidence of a quoted paragraph after one narrative paragraph about the previous speaker. */
const ACROSS_NARRATIVE_TRUST = 0.5;
/** Confidence of a further quotation right after an attributed one in the same paragraph. */
const NEXT_FRAGMENT_TRUST = 0.8;

interface Draft {
  fragments: Span[];
  kind: QuoteKind;
  frame: Frame | null;
  cueClass: CueClass;
  trust: number;
  /** Inherit the speaker of this earlier draft (continuations). */
  inheritFrom: Draft | null;
  paragraph: number;
}

function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

function draftFromFrame(ctx: QuoteContext, f: Frame): Draft | null {
  const fragments: Span[] = [];
  let direct = 0;
  let mixed = false;
  for (const [a, b] of f.fragments) {
    const chain = directRegions(ctx, a, b);
    if (chain) {
      fragments.push(...regionFragments(chain));
      direct++;
    } else {
      if (kindOf(ctx, a, b) !== 'indirect') mixed = true;
      fragments.push([a, b]);
    }
  }
  const words = fragments.reduce((n, [a, b]) => n + wordCount(ctx.folded.slice(a, b)), 0);
  // A one-word answer is content of its own ("75 percent said yes").
  const answer = f.fragments.length === 1 && words === 1 && /^(?:yes|no)$/i.test(ctx.folded.slice(fragments[0]![0], fragments[0]![1]));
  if (words < MIN_CONTENT_WORDS && !answer) return null;
  // A transcript label in capitals ("PRATT: ...") introduces the speaker's own words; a headline
  // "Trump: Venezuela agrees ..." is a paraphrase.
  const transcript = f.pattern === 'label' && f.mention !== null && isUpperLabel(ctx, f.mention.first, f.mention.last);
  const kind: QuoteKind = direct === f.fragments.length || transcript ? 'direct' : direct > 0 || mixed ? 'mixed' : 'indirect';
  const paragraph = ctx.seg.sentences[f.sentence]!.paragraph;
  return { fragments, kind, frame: f, cueClass: f.cueClass, trust: f.trust, inheritFrom: null, paragraph };
}

/** A direct draft whose quotations are all titles (`the cooking show "Bread Wars."`): nobody's words. */
function onlyTitles(ctx: QuoteContext, d: Draft): boolean {
  return d.kind === 'direct' && d.frame?.pattern !== 'label' && d.fragments.every(([a]) => {
    const r = ctx.regionOf[tokenAtOrAfter(ctx, a)]!;
    return r >= 0 && isQuotedTitle(ctx, r);
  });
}

function isUpperLabel(ctx: QuoteContext, first: number, last: number): boolean {
  const label = ctx.folded.slice(ctx.seg.tokens[first]!.start, ctx.seg.tokens[last]!.end);
  return label === label.toUpperCase() && label !== label.toLowerCase();
}

/**
 * Spans in order of their start, with the running maximum of their ends: "does any span overlap
 * [a, b)?" is one binary search. Spans must be added in order of their start.
 */
class SpanIndex {
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];

  add(a: number, b: number): void {
    this.starts.push(a);
    this.maxEnds.push(Math.max(b, this.maxEnds.at(-1) ?? -1));
  }

  /** Number of spans starting before `offset`. */
  countBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(a: number, b: number): boolean {
    const n = this.countBefore(b);
    return n > 0 && this.maxEnds[n - 1]! > a;
  }
}

/** Extract every attribution of `text` (offsets into `text`), in text order. */
export function extractQuotes(text: string, seg: Segmentation = segment(text)): Quote[] {
  const ctx = buildContext(seg);
  const drafts: Draft[] = [];
  const seenCue = new Set<number>();
  for (let p = 0; p < seg.paragraphs.length; p++) {
    const para = seg.paragraphs[p]!;
    const own: Draft[] = [];
    const cues = new Set<number>();
    for (let s = para.sentenceStart; s < para.sentenceEnd; s++) {
      for (const found of framesInSentence(ctx, s)) {
        if (seenCue.has(found.cueFirst) || cues.has(found.cueFirst)) continue;
        const f = cutAtMainClause(ctx, found);
        if (!f) continue;
        cues.add(f.cueFirst);
        const d = draftFromFrame(ctx, f);
        if (d && !onlyTitles(ctx, d)) own.push(d);
      }
    }
    const label = labelFrame(ctx, p);
    const labelDraft = label ? draftFromFrame(ctx, label) : null;
    // A label's paragraph is its speaker's words, unless it quotes someone it names itself
    // ("Superdelegates: ... "We want voters to decide," Devine said."): then the label is a topic.
    if (labelDraft && !own.some((d) => d.kind === 'direct' && d.frame?.mention?.type !== 'pronoun')) {
      drafts.push(labelDraft);
      continue;
    }
    for (const c of cues) seenCue.add(c);
    drafts.push(...own);
  }
  drafts.sort((x, y) => x.fragments[0]![0] - y.fragments[0]![0]);
  addUnattributedRegions(ctx, drafts);
  drafts.sort((x, y) => x.fragments[0]![0] - y.fragments[0]![0]);
  return finish(ctx, drafts);
}

/**
 * Step 4: quotations that no frame took. Regions come in text order, so the drafts added here come
 * in order too: overlap and "the latest quote before" are binary searches over the frame drafts
 * (sorted) and the added ones, linear-logarithmic on a text of thousands of quotations.
 */
function addUnattributedRegions(ctx: QuoteContext, drafts: Draft[]): void {
  const framed = [...drafts];
  const framedSpans = new SpanIndex();
  for (const [a, b] of framed.flatMap((d) => d.fragments).sort((x, y) => x[0] - y[0])) framedSpans.add(a, b);
  const framedStarts = new SpanIndex();
  for (const d of framed) framedStarts.add(d.fragments[0]![0], d.fragments[0]![0]);
  const added: Draft[] = [];
  const addedSpans = new SpanIndex();
  const add = (d: Draft): void => {
    drafts.push(d);
    added.push(d);
    for (const [a, b] of [...d.fragments].sort((x, y) => x[0] - y[0])) addedSpans.add(a, b);
  };
  // Start of the latest quotation that opens its sentence and got no speaker: a later quotation may
  // not inherit across it from an earlier speaker (`"A," X said. "B," an angry Y retorted. "C."`:
  // C is Y's or nobody's, never X's).
  let orphanStart = -1;
  for (let r = 0; r < ctx.regions.length; r++) {
    const reg = ctx.regions[r]!;
    // A quoted title in a narrator's sentence (`on "Harbour Morning."`) is nobody's words.
    if (reg.continuation || isQuotedTitle(ctx, r)) continue;
    const chain = regionChain(ctx, r).map((k) => ctx.regions[k]!);
    const start = reg.start;
    const end = chain.at(-1)!.end;
    if (framedSpans.overlaps(start, end) || addedSpans.overlaps(start, end)) continue;
    const words = chain.reduce((n, c) => n + c.words, 0);
    if (words < MIN_UNATTRIBUTED_WORDS) continue;
    const fragments = regionFragments(chain);
    if (fragments.length === 0) continue;
    const closeMark = chain.at(-1)!.close;
    if (closeMark >= 0) {
      const closeToken = tokenAtOrAfter(ctx, closeMark);
      const f = afterQuotationFrame(ctx, closeToken, fragments) ?? trailingSentenceFrame(ctx, closeToken, fragments) ?? openSlotTailFrame(ctx, closeToken, fragments) ?? longSubjectTailFrame(ctx, closeToken, fragments);
      if (f) {
        add({ fragments, kind: 'direct', frame: f, cueClass: 'speech', trust: f.trust, inheritFrom: null, paragraph: reg.paragraph });
        continue;
      }
    }
    // A colon after a clause that names the speaker ("Lee fired back: "..."", "- Mia Brandt: "..."").
    const openToken = tokenAtOrAfter(ctx, reg.open);
    // ... or a verb of naming or judging whose subject's words are quoted ("Lee called the plan "..."").
    const lead = leadInFrame(ctx, openToken, reg.paragraph, fragments) ?? asClauseFrame(ctx, openToken, fragments) ?? commaLeadInFrame(ctx, openToken, fragments) ??
      (words >= MIN_UNATTRIBUTED_SENTENCE_WORDS ? embeddedFrame(ctx, openToken, fragments) : null);
    if (lead) {
      add({ fragments, kind: 'direct', frame: lead, cueClass: 'speech', trust: lead.trust, inheritFrom: null, paragraph: reg.paragraph });
      continue;
    }
    // The latest quote before this quotation: the later of the latest framed one and the latest
    // added one (an added draft wins a tie, as it was inserted after the framed ones).
    const openingSentence = opensSentence(ctx, openToken);
    const k = framedStarts.countBefore(reg.open);
    const lastAdded = added.at(-1);
    const prevFramed = k > 0 ? framed[k - 1]! : null;
    let prev = lastAdded && lastAdded.fragments[0]![0] < reg.open && (!prevFramed || lastAdded.fragments[0]![0] >= prevFramed.fragments[0]![0]) ? lastAdded : prevFramed;
    // Reported speech inside the attribution sentence of a quotation ("...," Lee told CBS, when a
    // dozen states held contests. / "...," Lee assured Kim, after Kim assured him that ...): the
    // quotation's speaker goes on, not the subordinate clause's.
    if (prev && prev === prevFramed && prev.kind === 'indirect' && prev.frame) {
      for (let j = k - 2; j >= 0 && j >= k - 4; j--) {
        const d = framed[j]!;
        if (d.kind !== 'indirect' && d.frame && d.frame.sentence === prev.frame.sentence) {
          prev = d;
          break;
        }
      }
    }
    const para = ctx.seg.paragraphs[reg.paragraph]!;
    // A further quotation in the paragraph of an attributed one, with only that attribution between
    // them (`"A," said X. "B."`): the same speaker goes on.
    const sameParagraph = prev !== null && prev.paragraph === reg.paragraph &&
      (prev.kind !== 'indirect' ? noCueBetween(ctx, prev, reg.open) : reportsRightBefore(ctx, prev, openToken));
    const atParagraphStart = reg.open === para.start;
    const prevParagraphQuoted = prev !== null && prev.paragraph === reg.paragraph - 1 && prev.kind !== 'indirect' && endsParagraph(ctx, prev);
    // A quotation followed by an attribution of its own that no rule read (`"...," one voter
    // grumbled.`) is that speaker's, not the previous one's.
    const ownTail = closeMark >= 0 && attributionFollows(ctx, tokenAtOrAfter(ctx, closeMark));
    const crossesOrphan = prev !== null && orphanStart > prev.fragments[0]![0];
    // One narrative paragraph between, about the same speaker ("Lee is upbeat about the vote."):
    // the quoted paragraph after it is still Lee's.
    const acrossNarrative = atParagraphStart && prev !== null && prev.paragraph === reg.paragraph - 2 && prev.kind !== 'indirect' &&
      endsParagraph(ctx, prev) && narrativeAbout(ctx, reg.paragraph - 1, prev);
    // A short quoted title the narrator's sentence goes on from ("American Skin" was written by ...)
    // is nobody's words: no punctuation of a quoted sentence before the closing mark, a word after it.
    // Long quotations cut mid-sentence ("... whether or not to go after" bin Laden.) are still quoted speech.
    const titleLike = closeMark >= 0 && words < MIN_UNATTRIBUTED_SENTENCE_WORDS && isTitleLike(ctx, tokenAtOrAfter(ctx, closeMark));
    const inherit = !ownTail && !crossesOrphan && !titleLike && (sameParagraph || (atParagraphStart && prevParagraphQuoted) || acrossNarrative) ? prev : null;
    // A quoted sentence right after a narrative sentence about a person, in one paragraph ("Lee
    // was unmoved. "We will not pay a cent more."): that person's words.
    const introduced = !inherit && !ownTail && openingSentence && !atParagraphStart && closeMark >= 0 && endsAsSentence(ctx, tokenAtOrAfter(ctx, closeMark))
      ? introducedBy(ctx, ctx.sentenceOf[openToken]! - 1, reg.paragraph)
      : null;
    if (introduced) {
      add({ fragments, kind: 'direct', frame: introduced, cueClass: 'speech', trust: introduced.trust, inheritFrom: null, paragraph: reg.paragraph });
      continue;
    }
    if (!inherit && openingSentence) orphanStart = reg.open;
    // With no speaker, only a full sentence or more is worth keeping: shorter quoted phrases are
    // titles, slogans and scare quotes ("jobs, jobs, jobs", "Fox News Sunday").
    if (!inherit && (words < MIN_UNATTRIBUTED_SENTENCE_WORDS || (!openingSentence && !isCapitalized(ctx, openToken + 1)))) continue;
    add({
      fragments,
      kind: 'direct',
      frame: null,
      cueClass: 'speech',
      trust: inherit ? (sameParagraph ? NEXT_FRAGMENT_TRUST : acrossNarrative ? ACROSS_NARRATIVE_TRUST : CONTINUATION_TRUST) * inherit.trust : 0.3,
      inheritFrom: inherit,
      paragraph: reg.paragraph,
    });
  }
}

/**
 * A frame whose cue is in an opening subordinate clause keeps only the reported speech before the
 * main clause, when the main clause quotes its own subject (`When Lee noted that the fees rose,
 * Kim boasted, "..."`): the quotation is then left to the lead-in rules. Null when nothing is left.
 */
function cutAtMainClause(ctx: QuoteContext, f: Frame): Frame | null {
  // `When Lee noted that ..., Kim boasted, "..."`: a middle attribution whose first half is an
  // opening subordinate clause quotes only its second half.
  if (f.pattern === 'tail' && f.fragments.length === 2 && opensWithSubordinator(ctx, f.sentence) && directRegions(ctx, f.fragments[1]![0], f.fragments[1]![1])) {
    return { ...f, fragments: [f.fragments[1]!] };
  }
  if (f.pattern !== 'head' || f.fragments.length !== 1) return f;
  const main = mainClauseAfterCue(ctx, f, (open) => {
    const reg = ctx.regions[ctx.regionOf[open]!]!;
    const fragments = regionFragments(regionChain(ctx, ctx.regionOf[open]!).map((r) => ctx.regions[r]!));
    return leadInFrame(ctx, open, reg.paragraph, fragments) ?? commaLeadInFrame(ctx, open, fragments);
  });
  if (main < 0) return f;
  const [a] = f.fragments[0]!;
  // Up to the comma or dash before the main clause's subject.
  const span = trimSpan(ctx.folded, a, ctx.seg.tokens[main - 1]!.start);
  return span && span[0] < span[1] ? { ...f, fragments: [span] } : null;
}

/** The speaker mention a draft shows: its own frame's, or that of the draft it continues. */
function rootMention(d: Draft): Mention | null {
  let cur: Draft | null = d;
  for (let hops = 0; cur && hops < 50; hops++) {
    if (cur.frame?.mention) return cur.frame.mention;
    cur = cur.inheritFrom;
  }
  return null;
}

/**
 * Whether paragraph `p` is narrative (no quotation) whose first sentence has the speaker of `prev`
 * as its subject: the same surname, or "he"/"she" for a named speaker.
 */
function narrativeAbout(ctx: QuoteContext, p: number, prev: Draft): boolean {
  const para = ctx.seg.paragraphs[p]!;
  const sent = ctx.seg.sentences[para.sentenceStart];
  if (!sent) return false;
  for (let k = sent.tokenStart; k < ctx.seg.sentences[para.sentenceEnd - 1]!.tokenEnd; k++) {
    if (ctx.regionOf[k]! >= 0) return false;
  }
  const m = rootMention(prev);
  if (!m || m.type === 'role') return false;
  const subj = subjectMention(ctx, sent.tokenStart, sent.tokenEnd);
  if (!subj) return false;
  if (subj.type === 'pronoun') return m.type === 'name' && (ctx.words[subj.first] === 'he' || ctx.words[subj.first] === 'she');
  return subj.type === 'name' && ctx.words[subj.last] === ctx.words[m.last];
}

/** The quotation closed at token `close` ends with no sentence punctuation and its sentence goes on with a word. */
function isTitleLike(ctx: QuoteContext, close: number): boolean {
  const inner = ctx.words[close - 1] ?? '';
  if (['.', ',', '!', '?', ';', ':', '\u2026', '-', '\u2014'].includes(inner)) return false;
  const next = close + 1;
  return next < ctx.seg.tokens.length && ctx.sentenceOf[next] === ctx.sentenceOf[close] && ctx.seg.tokens[next]!.kind === 'word';
}

/**
 * Whether the quotation closed at token `close` is a sentence of its own: it ends in ".", "!" or
 * "?" inside the marks, or its sentence ends right after them ("Make America Great Again" resonated
 * with him: a title that is the subject of the narrator's sentence, not a quoted sentence).
 */
function endsAsSentence(ctx: QuoteContext, close: number): boolean {
  const inner = ctx.words[close - 1];
  if (inner === '.' || inner === '!' || inner === '?') return true;
  const next = close + 1;
  return next >= ctx.seg.tokens.length || ctx.sentenceOf[next] !== ctx.sentenceOf[close] || ['.', '!', '?'].includes(ctx.words[next]!);
}

/** Confidence of a quoted sentence given to the subject of the narrative sentence before it. */
const INTRODUCED_TRUST = 0.45;

/**
 * The frame that gives a quoted sentence to the subject of narrative sentence `s` right before it
 * in paragraph `paragraph`: a person named (or "he"/"she") as the subject of a sentence with no
 * quotation of its own.
 */
function introducedBy(ctx: QuoteContext, s: number, paragraph: number): Frame | null {
  const sent = ctx.seg.sentences[s];
  if (!sent || sent.paragraph !== paragraph) return null;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (ctx.regionOf[k]! >= 0) return null;
  const subj = subjectMention(ctx, sent.tokenStart, sent.tokenEnd);
  if (!subj || subj.type === 'role' || (subj.type === 'pronoun' && ctx.words[subj.first] !== 'he' && ctx.words[subj.first] !== 'she')) return null;
  return { pattern: 'head', cueFirst: -1, cueLast: -1, cueClass: 'speech', mention: subj, fragments: [], sentence: s, trust: INTRODUCED_TRUST };
}

/** Whether the quotation mark at token `open` opens its sentence (nothing of the narrator's before it). */
function opensSentence(ctx: QuoteContext, open: number): boolean {
  return ctx.seg.sentences[ctx.sentenceOf[open]!]!.tokenStart === open;
}

/** Most words before the verb of an attribution clause after a quotation (`"...," the angry former mayor retorted`). */
const MAX_TAIL_WORDS = 6;

/**
 * Whether the quotation closed at token `close` hands over to an attribution of its own: a short
 * subject and a verb right after it (`"...," one voter grumbled`, `"...?" Lee pressed.`), whatever
 * the verb and however long the rest of the clause. The quotation must end in a comma, "?" or "!"
 * (the way a quoted sentence hands over to its attribution).
 */
function attributionFollows(ctx: QuoteContext, close: number): boolean {
  // A nested quotation may close with it (`"... asked, 'How do we win?'" Lee said`).
  const inner = isQuoteMark(ctx, close - 1) ? ctx.words[close - 2] : ctx.words[close - 1];
  if (inner !== ',' && inner !== '?' && inner !== '!') return false;
  const paragraph = ctx.seg.sentences[ctx.sentenceOf[close]!]!.paragraph;
  let words = 0;
  for (let k = close + 1; k < ctx.seg.tokens.length && words < MAX_TAIL_WORDS; k++) {
    // "?" or "!" inside the quotation may end its sentence: the attribution is then the next one.
    if (ctx.seg.sentences[ctx.sentenceOf[k]!]!.paragraph !== paragraph) return false;
    const w = ctx.words[k]!;
    const kind = ctx.seg.tokens[k]!.kind;
    if (kind !== 'word' && kind !== 'abbrev' && kind !== 'number') return false;
    words++;
    // A finite verb: "grumbled", "says", "told"; not a gerund ("is telling") or a noun.
    const finite = CUE_VERBS.get(w)?.form;
    // In a next sentence, "-s" is as likely a plural noun ("Several leaders, ...") as a verb.
    const sameSentence = ctx.sentenceOf[k] === ctx.sentenceOf[close];
    if (kind === 'word' && !isCapitalized(ctx, k) && (finite === 'past' || finite === 'third' || /[a-z]{2}ed$/.test(w) || (sameSentence && /[a-z]{2}[^s]s$/.test(w)))) {
      if (words < 2 && k !== close + 1) return false;
      // In the quotation's own sentence any clause will do; a next sentence must be only the
      // attribution ("Lee pressed." / "Lee asked the panel."), not a new report ("Lee replied that ...").
      return sameSentence || endsSoon(ctx, k + 1);
    }
  }
  return false;
}

/** Most tokens after the verb of an attribution sentence ("asked Republican senators on Friday."). */
const ATTRIBUTION_SENTENCE_REST = 5;

/** The sentence of token `k` ends (or a quotation opens) within a few tokens, with no "that" before. */
function endsSoon(ctx: QuoteContext, k: number): boolean {
  const s = ctx.sentenceOf[k - 1]!;
  for (let j = k; j < k + ATTRIBUTION_SENTENCE_REST; j++) {
    if (j >= ctx.seg.tokens.length || ctx.sentenceOf[j] !== s || ctx.seg.tokens[j]!.kind === 'quote') return true;
    const w = ctx.words[j]!;
    if (w === 'that') return false;
    if (w === '.' || w === ',' || w === '!' || w === '?' || w === ';') return true;
  }
  return false;
}

/**
 * Nothing of the narrator's follows the previous quote in its paragraph: the sentences after the one
 * that holds its content and attribution are quoted ones, or there are none. How long the
 * attribution runs does not matter (`"A," X said at a rally in Ohio on Friday, ahead of ...`), but a
 * narrative sentence after it means the next paragraph's quotation may be someone else's.
 */
function endsParagraph(ctx: QuoteContext, d: Draft): boolean {
  const para = ctx.seg.paragraphs[d.paragraph]!;
  let lastEnd = Math.max(...d.fragments.map(([, b]) => b));
  const m = d.frame?.mention;
  if (d.frame && d.frame.cueLast >= 0) lastEnd = Math.max(lastEnd, ctx.seg.tokens[d.frame.cueLast]!.end);
  if (m) lastEnd = Math.max(lastEnd, ctx.seg.tokens[m.last]!.end);
  for (let s = sentenceAt(ctx.seg, lastEnd - 1) + 1; s < para.sentenceEnd; s++) {
    const sent = ctx.seg.sentences[s]!;
    if (sent.tokenStart >= sent.tokenEnd) continue;
    if (ctx.regionOf[sent.tokenStart]! < 0) return false;
  }
  return true;
}

/**
 * Reported speech that ends the sentence right before the quotation at token `open`, in its
 * paragraph, with a speaker: `Lee said, adding that the fees would rise. "We have no choice."`,
 * `Lee, who said the vote was fair, left early. "..."`: the quoted sentence goes on with the same
 * speaker's words (a quotation with an attribution of its own was taken before this is asked).
 */
function reportsRightBefore(ctx: QuoteContext, prev: Draft, open: number): boolean {
  if (prev.cueClass !== 'speech' || rootMention(prev) === null || !opensSentence(ctx, open)) return false;
  const lastEnd = Math.max(...prev.fragments.map(([, b]) => b));
  return sentenceAt(ctx.seg, lastEnd - 1) + 1 === ctx.sentenceOf[open];
}

/** Between the end of `prev` and `offset` there is only its attribution (no other quote's cue). */
function noCueBetween(ctx: QuoteContext, prev: Draft, offset: number): boolean {
  const lastEnd = Math.max(...prev.fragments.map(([, b]) => b));
  const cueEnd = prev.frame && prev.frame.cueLast >= 0 ? ctx.seg.tokens[prev.frame.cueLast]!.end : lastEnd;
  const from = Math.max(lastEnd, cueEnd);
  if (offset - from < 160) return true;
  // However long the attribution runs ("said Lee, a lawyer who has ... for two decades."), the
  // quotation that opens the very next sentence goes on with it.
  const m = prev.frame?.mention;
  const attributionEnd = Math.max(from, m ? ctx.seg.tokens[m.last]!.end : from);
  return sentenceAt(ctx.seg, offset) === sentenceAt(ctx.seg, attributionEnd - 1) + 1;
}

function finish(ctx: QuoteContext, drafts: readonly Draft[]): Quote[] {
  const { seg } = ctx;
  const text = seg.text;
  const resolver = new SpeakerResolver(ctx);
  const resolved = new Map<Draft, { speaker: string | null; speakerStart: number | null; speakerEnd: number | null; ref: string | null; certainty: number }>();
  // Resolve in the order the reader meets the speakers (the mention offset), so pronouns see what came before.
  const order = [...drafts].sort((x, y) => mentionOffset(ctx, x) - mentionOffset(ctx, y));
  for (const d of order) {
    if (d.frame?.mention) {
      const m = d.frame.mention;
      const a = seg.tokens[m.first]!.start;
      const b = seg.tokens[m.last]!.end;
      const mentionText = text.slice(a, b);
      const paragraph = seg.sentences[ctx.sentenceOf[m.first]!]!.paragraph;
      const r = resolver.resolve(m, ctx.folded.slice(a, b), a, paragraph);
      resolved.set(d, { speaker: mentionText, speakerStart: a, speakerEnd: b, ref: r.ref, certainty: r.ref || m.type !== 'pronoun' ? r.certainty : 0.7 });
    }
  }
  const out: Quote[] = [];
  for (const d of drafts) {
    let sp = resolved.get(d);
    let root: Draft | null = d.inheritFrom;
    for (let hops = 0; !sp && root && hops < 50; hops++) {
      sp = resolved.get(root);
      root = root.inheritFrom;
    }
    const fragments = d.fragments
      .map(([a, b]): Span => trimSpan(ctx.folded, a, b) ?? [a, b])
      .sort((x, y) => x[0] - y[0])
      .map(([a, b]) => ({ start: a, end: b }));
    const start = fragments[0]!.start;
    const end = Math.max(...fragments.map((f) => f.end));
    const f = d.frame;
    const cueA = f && f.cueFirst >= 0 && f.pattern !== 'label' ? seg.tokens[f.cueFirst]!.start : null;
    const cueB = f && f.cueFirst >= 0 && f.pattern !== 'label' ? seg.tokens[f.cueLast]!.end : null;
    const speakerKnown = sp !== undefined && (sp.ref !== null || sp.speaker !== null);
    const confidence = speakerKnown ? round(d.trust * (sp?.certainty ?? 1)) : round(Math.min(d.trust, 0.3));
    out.push({
      quote: text.slice(start, end),
      start,
      end,
      fragments,
      speaker: sp?.speaker ?? null,
      speakerStart: sp?.speakerStart ?? null,
      speakerEnd: sp?.speakerEnd ?? null,
      speakerRef: sp?.ref ?? null,
      cue: cueA !== null && cueB !== null ? text.slice(cueA, cueB) : null,
      cueStart: cueA,
      cueEnd: cueB,
      cueClass: d.cueClass,
      kind: d.kind,
      confidence,
      sentence: sentenceAt(seg, start),
    });
  }
  return out;
}

function mentionOffset(ctx: QuoteContext, d: Draft): number {
  const m = d.frame?.mention;
  return m ? ctx.seg.tokens[m.first]!.start : d.fragments[0]![0];
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

/** Index of the sentence holding `offset` (binary search; the nearest sentence before it otherwise). */
function sentenceAt(seg: Segmentation, offset: number): number {
  let lo = 0;
  let hi = seg.sentences.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (seg.sentences[mid]!.start <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

