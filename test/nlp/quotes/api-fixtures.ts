/** News-style texts written for the quote API tests, and a builder for hand-made Quote values. */
import { readFileSync } from 'node:fs';
import type { Quote } from '../../../src/nlp/quotes';

export const SEED = readFileSync(new URL('../../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');

/** Two different people named Smith in one story, each with titles and honorifics. */
export const TWO_SMITHS = `Senator John Smith said on Tuesday that the bill would pass before the summer recess.

"We have the votes, and we will bring it to the floor next week," Smith told reporters outside the Capitol.

Mayor Jane Smith, who is not related to the senator, said the city could not afford the new rules.

"Our budget is already stretched to the limit by last year's floods," Ms. Smith said.`;

/** Trump under his full name, a title (Dr.) on a second speaker, and a trivial quote by an unnamed spokesman. */
export const TARIFFS = `President Donald Trump said on Monday that tariffs on steel would rise to 50 percent next month.

"This is a great day for American workers and for our factories," Trump said at a rally in Pittsburgh.

Dr. Maria Lopez, an economist at the University of Chicago, said higher tariffs would raise prices for consumers.

"Tariffs are a tax, and American families will pay it at the checkout," Lopez said.

"No comment," a White House spokesman said.`;

/** Curly quotes and apostrophes, a group that is nobody in particular, an unattributed quote, an unresolved "They". */
export const FLOOD = `Flood waters rose through the night in the river town of Alder Creek.

\u201cWe won\u2019t back down, and we won\u2019t let the water take this town,\u201d Mayor Ruth Okafor said on Saturday.

Officials said the levee held. Residents were told to stay indoors.

"It is the worst flood I have seen in forty years of living here."

Witnesses described the scene as chaotic. They said the water came fast.`;

/** A Quote value for ranking tests that do not need the extractor. */
export function quote(over: Partial<Quote> & Pick<Quote, 'quote'>): Quote {
  const start = over.start ?? 0;
  const end = over.end ?? start + over.quote.length;
  return {
    start,
    end,
    fragments: [{ start, end }],
    speaker: null,
    speakerStart: null,
    speakerEnd: null,
    speakerRef: null,
    cue: 'said',
    cueStart: null,
    cueEnd: null,
    cueClass: 'speech',
    kind: 'direct',
    confidence: 0.9,
    sentence: 0,
    ...over,
  };
}
