/**
 * Issue 13 (questions 1), the span inside the right sentence. The head noun of a what/which
 * question names a class, and the sentence says which member it means by structure: an appositive
 * ("the Old Fort, a stone fortification"), a copula ("the parish council, ..., is the smallest
 * unit"; "its main weakness is ..."), a measure with its bracketed conversion before the head
 * ("a 914 mm (3 ft) narrow gauge"), a naming word ("a fungus called ...") or a word introducing
 * instances ("grains such as ..."). A plural ask for countries takes a list of countries. After
 * do-support the object follows the verb that ends the question. A capitalized head noun opens a
 * name ("the Academy of ..."), which answers whole. An amount's unit may be a compound ("12 radio
 * stations"). A subject is the phrase before a parenthetical, not the one closing it. A name
 * before a common noun modifies it ("a Greek | edition"). A span's length is its words, not its
 * commas. Sentences written for these tests. Each row: a short article, a question and the exact
 * answer shown.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, prepareIndex } from '../../../src/nlp/qa';

function shown(article: string, question: string): string | null {
  const r = answerQuestion(prepareIndex(article), question);
  return r.found ? r.answer : null;
}

describe('the head noun names a class: the phrase the sentence equates with it answers', () => {
  it.each<[string, string, string, string | null]>([
    ['an appositive after the answer', 'Visitors to the harbour often miss the Old Fort, a stone fortification raised after the siege of 1742, on their way to the beach.', 'What fortification was raised after the siege of 1742?', 'the Old Fort'],
    ['a copula after a parenthetical', 'The parish council, much like a town board in other countries, is the smallest unit of local government in the region.', 'What is the smallest unit of local government in the region?', 'The parish council'],
    // "the United States" shares a stem with "unit", but a name holds the head noun only as written.
    ['a copula after a long parenthetical', 'The parish council, much like a town board in the United States or a commune in rural France and Belgium or a district in some of the older Nordic kingdoms such as Denmark and Norway, is the smallest unit of local government in the region.', 'What is the smallest unit of local government in the region?', 'The parish council'],
    ['a copula after a definite head phrase', 'The robot climbs stairs with ease, but its main weakness is its short battery life.', "What is the robot's main weakness?", 'its short battery life'],
    ['a naming word after the head', 'Wheat fields in the valley were struck last year by a fungus called leaf blight.', 'What fungus struck the wheat fields in the valley?', 'leaf blight'],
    ['a measure before a bracketed conversion and the head', 'Trains on the old branch line run on a 914 mm (3 ft) narrow gauge through the hills.', 'What gauge do trains on the old branch line run on?', 'a 914 mm'],
    ['any item of an instance list', 'The mill grinds several grains, such as barley, rye and spelt, for bakers in the town.', 'Which grains does the mill grind for bakers?', 'barley, rye and spelt'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('what is not such a link', () => {
  it.each<[string, string, string, string | null]>([
    // A comma before a head phrase without a determiner separates list items, not an appositive.
    ['a list of titled names', 'Speakers included botanist Ana Ruiz, geologist Tom Hale and zoologist Mia Kent.', 'What geologist was among the speakers?', 'Tom Hale'],
    // "like" after a comma compares, it does not list instances of the head.
    ['a comparison with "like"', 'The armed forces, like many state bodies, were hit by budget cuts in 2019.', 'Which forces were hit by budget cuts in 2019?', 'The armed forces'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('a plural ask for countries is answered by a list of countries', () => {
  it.each<[string, string, string, string | null]>([
    ['every item a country', 'France, Italy and Belgium signed the treaty in 1951 after long talks.', 'Which countries signed the treaty in 1951?', 'France, Italy and Belgium'],
    // A list holding something that is no country is no answer to "which countries": the country
    // nearest the verb is.
    ['an item that is no country', 'France, Italy and the Ruhr Authority signed the treaty in 1951 after long talks.', 'Which countries signed the treaty in 1951?', 'Italy'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('after do-support the object slot follows the verb that ends the question', () => {
  it.each<[string, string, string, string | null]>([
    // The tagger reads "ban" and "outlaw" as nouns ("the housing plan ban"): the verb is taken by its place.
    ['a last word read as a noun', 'The housing plan of the council, in a review of the river meadows, banned caravans.', "What did the council's housing plan ban?", 'caravans'],
    ['another verb', 'The housing plan of the council, in a review of the river meadows, outlawed caravans.', "What did the council's housing plan outlaw?", 'caravans'],
    // A stranded preposition: the verb is the word before it.
    ['a stranded preposition', 'Most of the farms in the valley, in a dry summer, depend on river water.', 'What do most of the farms in the valley depend on?', 'river water'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('the head noun before "of": a capitalized one opens a name, a lowercase one names what follows', () => {
  it.each<[string, string, string, string | null]>([
    // "Academy" is the name's first word: the whole name answers, not the part after its "of".
    ['the head opens a name', 'In 1802 the duke founded the Academy of the Lantern of Letters to train young poets.', 'What academy did the duke found in 1802?', 'the Academy of the Lantern of Letters'],
    // A lowercase head before "of" still names the instance after it.
    ['a lowercase head before "of"', 'The settlers built the outpost of Greyhaven on a rocky island in 1562.', 'What outpost did the settlers build in 1562?', 'Greyhaven'],
    ['a bare noun after "of"', 'The board praised the profession of nursing in its annual report.', 'What profession did the board praise in its annual report?', 'nursing'],
    // With a possessive, what follows "of" is the head's object ("a celebration of | our orchards"); the apposed name answers.
    ['a possessive after "of"', 'Each May the town holds Blossom Day: a joyful celebration of spring, and a celebration of our orchards.', 'What is a joyful celebration of spring?', 'Blossom Day'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('an amount with a compound unit keeps the whole compound', () => {
  it.each<[string, string, string, string | null]>([
    ['a unit word before the counted noun', 'Under the 1990 law each firm could own up to 12 radio stations in a single city.', 'How many stations could each firm own in a single city under the 1990 law?', '12 radio stations'],
    ['a compound naming an animal', 'The park now shelters 40 snow leopards and other big cats.', 'How many leopards does the park shelter?', '40 snow leopards'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('a parenthetical between a subject and its verb', () => {
  it.each<[string, string, string, string | null]>([
    // The phrase before the parenthetical is the subject; the one closing it is not.
    ['an adverbial parenthetical', 'A sharp rise in rents, after a decade of slow growth in the city, forced the bakery to close.', 'What forced the bakery to close?', 'A sharp rise in rents'],
    // An appositive renames the subject, so it may answer.
    ['an appositive', "The firm's new owner, a Dutch bank, closed the plant in May.", 'What closed the plant in May?', 'a Dutch bank'],
    ['a name in apposition', "The city's mayor, Ana Ruiz, approved the plan on Monday.", 'Who approved the plan on Monday?', 'Ana Ruiz'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('a name that modifies a common noun is an adjective there', () => {
  it.each<[string, string, string, string | null]>([
    // "Greek" only says which edition: the phrase answers, not the name.
    ['a name before a noun', 'In 1990 the old poet read a Greek edition of Homer.', 'What book did the old poet read in 1990?', 'a Greek edition'],
    // Before the asked head noun the name is the sort asked for.
    ['a name before the head noun', 'After the war the city bought a German design for its new tram.', 'What design did the city buy after the war?', 'German'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});

describe('a span is as long as its words, not its commas', () => {
  it.each<[string, string, string, string | null]>([
    // Six items with their commas are eleven words: the list is not cut to its last three items.
    ['a long list for a plural ask', 'The museum lends its maps to schools, libraries, city archives, local history clubs, county record offices and private collectors across the region.', 'What groups does the museum lend its maps to across the region?', 'schools, libraries, city archives, local history clubs, county record offices and private collectors'],
  ])('%s: %s', (_rule, article, question, expected) => {
    expect(shown(article, question)).toBe(expected);
  });
});
