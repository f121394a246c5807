import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN ", saying" / ", telling" THEN the subject of the clause it hangs on speaks, not an opening phrase.
  [
    'Hours later, Mayor Ann Lee returned the favor to the council, telling reporters, "We have been partners for a long time."',
    [['Mayor Ann Lee', 'telling', 'We have been partners for a long time']],
  ],
  [
    'TACOMA, May 3 — In response to the plan to close the pier, the mayor\'s top aide rallied workers, saying: "We must be ready to stand up to it."',
    [["the mayor's top aide", 'saying', 'We must be ready to stand up to it']],
  ],
  // A relative clause between the subject and its verb.
  ['The mayor, who had opposed the plan, signed it, saying it was the best deal available.', [['The mayor', 'saying', 'it was the best deal available']]],
  // "by saying": the subject of the verb before it.
  ['After a long pause, the judge began by saying, "Nobody in this room wants a trial."', [['the judge', 'saying', 'Nobody in this room wants a trial']]],
  // A comma inside the closing quotation mark hands off to the gerund as a bare comma does.
  [
    'Lee told the paper that the plan "was a cruel policy," adding, "He lost all of the town\'s vote."',
    [['Lee', 'told', 'the plan "was a cruel policy,"'], ['Lee', 'adding', "He lost all of the town's vote"]],
  ],
  // An audience closed by the comma before a quotation is not content.
  ['Okafor did not name the builders, but told his supporters, "our roof is in terrible shape."', [['Okafor', 'told', 'our roof is in terrible shape']]],
  // Neighbour: the speaker of an earlier cue in the sentence goes on ("said ..., adding").
  ['Lee said the vote was close, adding that she would try again.', [['Lee', 'said', 'the vote was close'], ['Lee', 'adding', 'she would try again']]],
];

describe('gerund cues take the clause subject', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
