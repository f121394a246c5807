/**
 * Issue 13 (second pass), questions: answer shapes that were not generated or were cut. Sentences
 * written for these tests. Each row: a short article, a question and the exact answer shown
 * (null: refused).
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('answer shapes: ranges, ratios and units', () => {
  it.each<[string, string, string, string | null]>([
    ['a year range with an en dash', 'The canal was dug by hand from 1821\u20131825, at great cost to the town.', 'When was the canal dug?', '1821\u20131825'],
    ['a percentage range', 'The new vaccine has an efficacy of 60\u201380% in adults.', 'What is the efficacy of the new vaccine in adults?', '60\u201380%'],
    ['a ratio', 'In the valley, one in four households owns a boat.', 'What share of households in the valley owns a boat?', 'one in four'],
    ['a temperature with its scale', 'In summer the desert floor reaches 50 \u00b0C by noon.', 'What temperature does the desert floor reach by noon in summer?', '50 \u00b0C'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: "what kind of X" asks for the modifier of X', () => {
  it.each<[string, string, string, string | null]>([
    ['an adjective before the head', 'The old mill burned in a chemical fire in the spring of 1998.', 'What kind of fire burned the old mill in 1998?', 'chemical'],
    ['"other" is no kind', 'The inspectors found other structural faults in the north wing of the hospital.', 'What type of faults did the inspectors find in the hospital?', 'structural'],
    ['the head\'s own compound word is left out', 'The lab studies killer T cells taken from the donors.', 'What kind of T cells does the lab study?', 'killer'],
    ['without "kind of", the phrase', 'The inspectors found structural faults in the north wing of the hospital.', 'What did the inspectors find in the north wing?', 'structural faults'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: names stay whole', () => {
  it.each<[string, string, string, string | null]>([
    // "Harbour" is a word of the question's own name ("the Harbour Days fair"), but "Museum of the
    // Harbour" is another name: it is not cut to "Museum".
    ['another name sharing a word', 'After the Harbour Days fair, the town opened the Museum of the Harbour in 1972.', 'What did the town open after the Harbour Days fair?', 'the Museum of the Harbour'],
    // A lowercase question word written as part of a name ("line") stays in it.
    ['a common word inside a name', 'Most commuters take the Airport Express from the central station.', 'Which train do commuters take from the central station to the airport?', 'Airport Express'],
    // The question's own name written whole inside a longer one is still cut ("Norwood | Rovers").
    ['the asked name is cut', 'The Norwood council opened the Norwood Arts Centre in May.', 'What did the Norwood council open in May?', 'Arts Centre'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: lists for plural asks', () => {
  it.each<[string, string, string, string | null]>([
    ['two names joined by "and"', 'The two busiest streets of Marlow are Station Road and Quarry Lane.', 'What are the two busiest streets of Marlow?', 'Station Road and Quarry Lane'],
    ['items with adjectives, -ing and hyphenated words', 'The firm offers several contract types, including fixed-price, cost-plus and time-and-materials.', 'What contract types does the firm offer?', 'fixed-price, cost-plus and time-and-materials'],
    ['an item holding "and"', 'The plan divides the work into three stages: site clearing, heavy and light foundations, and timber framing.', 'What are the three stages of the work?', 'site clearing, heavy and light foundations, and timber framing'],
    ['the last item keeps the question\'s word', 'The union represents miners, dock workers and rail workers across the region.', 'Which workers does the union represent across the region?', 'miners, dock workers and rail workers'],
    ['"A, and B" is no list of two', 'The museum bought two paintings by Vermeer, and the city paid for the frames.', 'What did the museum buy?', 'two paintings'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: predicates for what-do, what-happened and how-did questions', () => {
  it.each<[string, string, string, string | null]>([
    ['"What do X do?"', 'Most village bakeries sell fresh bread and bake cakes to order.', 'What do most village bakeries do?', 'sell fresh bread and bake cakes to order'],
    ['"What happened to X?"', 'After the storm the old pier collapsed, and the town closed the beach.', 'What happened to the old pier after the storm?', 'collapsed'],
    ['"What do X tend to be?": adjectives after a linking verb', 'Small coastal towns tend to be quiet and windy in the winter months.', 'What do small coastal towns tend to be in winter?', 'quiet and windy'],
    ['"How did X end?": the verb, not a participle clause after it', 'The long strike ended peacefully in May, bringing relief to the factory.', 'How did the long strike conclude in May?', 'ended peacefully in May'],
    ['"How is X described?": adjectives, not a reason clause', 'Because of the sea breeze, summers on the island are warm and breezy.', 'How are summers on the island described?', 'warm and breezy'],
    ['a thing asked: no predicate', 'Most village bakeries sell fresh bread and bake cakes to order.', 'What do most village bakeries sell?', 'fresh bread'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: the question\'s preposition and counted phrases', () => {
  it.each<[string, string, string, string | null]>([
    ['the answer follows the preposition before "what"', 'In the spring the farmers move the sheep from the valley into the high pastures near the lake.', 'The farmers move the sheep into what in the spring?', 'the high pastures'],
    ['"to what" after "from X"', 'The council cut the bus fare from two euros to 90 cents in 2021.', 'In 2021 the council cut the bus fare from two euros to what?', '90 cents'],
    ['a quantity noun keeps what it counts', 'The jury is made up of a small number of retired judges.', 'Who is the jury made up of?', 'a small number of retired judges'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: an example asked follows "such as"', () => {
  it.each<[string, string, string, string | null]>([
    ['"such as"', 'The old oak woods of the park are home to rare birds of prey such as the red kite.', 'What is an example of a rare bird of prey in the woods of the park?', 'the red kite'],
    ['"including"', 'Evening classes at the village hall teach several old crafts, including pottery.', 'What is one example of an old craft taught at the village hall?', 'pottery'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: naming cues and names joined by "on"', () => {
  it.each<[string, string, string, string | null]>([
    ['a quoted term after "as"', 'The illness that divers feared most was later identified as "the bends" by naval doctors.', 'What is the illness that divers feared now known as?', 'the bends'],
    ['the head, "of", then the instance', 'The settlers founded the outpost of Westbrook near the river in 1630.', 'What was the name of the outpost the settlers founded near the river?', 'Westbrook'],
    ['"on" between two names', 'The settlers founded Westbrook on Long Island in 1630.', 'Where did the settlers found Westbrook?', 'Long Island'],
    ['"on" inside a body\'s name', 'The minister spoke to the Committee on Rural Affairs in May.', 'What committee did the minister speak to in May?', 'Committee on Rural Affairs'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: dates', () => {
  it.each<[string, string, string, string | null]>([
    ['a range joined by "through"', 'Most of the harbour district was rebuilt in the 1920s through the 1940s by private owners.', 'When was most of the harbour district rebuilt?', '1920s through the 1940s'],
    ['a range keeps its "between"', 'The bridge was closed between June and August 2019 for repairs.', 'When was the bridge closed for repairs?', 'between June and August 2019'],
    ['"which year": the year alone', 'The new library of Dunmore opened in October 2011 after a long delay.', 'In which year did the new library of Dunmore open?', '2011'],
    ['"when": the whole date', 'The new library of Dunmore opened in October 2011 after a long delay.', 'When did the new library of Dunmore open?', 'October 2011'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('answer shapes: a possessive determiner opens a noun phrase', () => {
  it.each<[string, string, string, string | null]>([
    ['"their" as "the"', 'The main fault of the old ferries is their small engine.', 'What is the main fault of the old ferries?', 'their small engine'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
