import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [article, quotation text, expected speaker mention, expected speakerRef] (undefined: no such quote) */
type Row = [string, string, string | null | undefined, string | null | undefined];

const speakerOf = (text: string, quote: string): [string | null | undefined, string | null | undefined] => {
  const q = extractQuotes(text).find((x) => x.quote.includes(quote));
  return q === undefined ? [undefined, undefined] : [q.speaker, q.speakerRef];
};

describe('a colon after a clause that names the speaker', () => {
  const rows: Row[] = [
    // A verb that is no speech verb, then a colon: the subject speaks.
    ['Greta Holm fired back: "Nobody on this council has read the report."', 'Nobody on this council', 'Greta Holm', 'Greta Holm'],
    ['She then addressed the volunteers again: "We finish the levee before the rain comes."', 'We finish the levee', 'She', null],
    // An opening adverbial before the subject.
    ['With the vote a day away, Mayor Ivan Petrov had a blunt message for the council: "Pass it or explain it to the voters."', 'Pass it or explain', 'Mayor Ivan Petrov', 'Ivan Petrov'],
    // An insertion between the name and its verb.
    ['Ivan Petrov, who has run the port for a decade, was far less hopeful: "This budget sinks us by spring."', 'This budget sinks', 'Ivan Petrov', 'Ivan Petrov'],
    // A surname in -ly is no adverb.
    ['Kelly fired back: "Nobody on this council has read the report."', 'Nobody on this council', 'Kelly', 'Kelly'],
    // The subject after an aside closed by a dash.
    ['When the board sneered at the plan \u2014 and it did \u2014 Greta Holm called them on it: "You have not read a page of it."', 'You have not read', 'Greta Holm', 'Greta Holm'],
    // The colon ends the paragraph; the quotation opens the next one.
    ['Greta Holm answered the critics in one line:\n\n"The numbers are public and anyone can check them."', 'The numbers are public', 'Greta Holm', 'Greta Holm'],
    // A possessive speaks through its own words only.
    ["Greta Holm's reply: \"We will see them in court next week.\"", 'We will see them in court', "Greta Holm's", 'Greta Holm'],
    // "was" with an adjective or a participle of feeling: the subject still speaks.
    ['Greta Holm was unmoved: "The levy stays until the bridge is paid for."', 'The levy stays', 'Greta Holm', 'Greta Holm'],
    // Passive: the quotation is the asker's, not the subject's.
    ['At the hearing Greta Holm was asked: "Did you sign the contract before or after the vote?"', 'Did you sign the contract', null, null],
    // A subject that is no person gives no speaker.
    ['The timing of the vote did not surprise the harbor master: "Nothing here moves before the tide does, and it never will."', 'Nothing here moves', null, null],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});

describe('label lines before a colon', () => {
  const rows: Row[] = [
    // A roundup line: a topic, a dash, then the writer.
    ['Turnout fell in every district - Priya Natarajan: "The drop was steepest among voters under thirty."', 'The drop was steepest', 'Priya Natarajan', 'Priya Natarajan'],
    ['More from Natarajan: "Older voters held steady across the county."', 'Older voters held steady', 'Natarajan', 'Natarajan'],
    // A name and its outlet.
    ['Priya Natarajan, Harbor Ledger: "The drop was steepest among voters under thirty."', 'The drop was steepest', 'Priya Natarajan', 'Priya Natarajan'],
    // A name with its party tag, alone before the colon.
    ['Rep. Carla Dunn (D-Ore.): "I never saw the memo before Tuesday."', 'I never saw the memo', 'Rep. Carla Dunn (D-Ore.)', 'Carla Dunn'],
    ["Here's Dunn in 2019: \"We will never cut the ferry service.\"", 'We will never cut', 'Dunn', 'Dunn'],
    // An inverted cue opening the label; the quotation opens the next paragraph.
    ['Carla Dunn spoke on the radio.\n\nStated Dunn:\n\n"The machines cannot be trusted in this election, and everyone knows it."', 'The machines cannot', 'Dunn', 'Carla Dunn'],
    // A title-case headline is no label.
    ["Mayor Praises Council's Budget Chief Ann Lee: \"A Steady Hand On Every Vote This Council Has Taken\"", 'A Steady Hand', null, null],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});

describe('an "as" clause that names the source before a comma', () => {
  const rows: Row[] = [
    ['As Greta Holm put it, "Nobody crosses the bay for fun in January."', 'Nobody crosses the bay', 'Greta Holm', 'Greta Holm'],
    ['But as the Harbor Ledger pointed out in May, "the ferry has run at a loss for a decade."', 'the ferry has run at a loss', 'the Harbor Ledger', 'Harbor Ledger'],
    ["The plan, in Holm's words, \"keeps the island connected for another ten years.\"", 'keeps the island connected', "Holm's", 'Holm'],
    // An "as" clause of time, not of saying, credits nothing.
    ['As Greta Holm walked in, "Nobody crosses the bay for fun in January" was painted on the wall.', 'Nobody crosses the bay', null, null],
  ];
  it.each(rows)('%s', (text, quote, speaker, ref) => {
    expect(speakerOf(text, quote)).toEqual([speaker, ref]);
  });
});
