/**
 * The background for term salience: words that occur in a large share of all news stories whatever
 * they are about, so a sentence full of them is not about *this* story. Hand-compiled from reporting
 * verbs, calendar words, quantities and the generic nouns/verbs of wire copy (checked against the
 * seed article and our fixtures, where none of them names the topic). Weight = how much of a word's
 * salience survives; words not listed keep 1. Stemmed at load by the scorer, so "reports" and
 * "reported" share one entry.
 */
export const GENERIC_NEWS_WORDS: Readonly<Record<string, number>> = Object.freeze({
  // Reporting and attribution: in nearly every story.
  said: 0.1, says: 0.1, say: 0.1, told: 0.15, tell: 0.2, added: 0.15, according: 0.1, report: 0.35,
  reports: 0.35, reported: 0.3, statement: 0.35, announced: 0.4, asked: 0.3, noted: 0.2, claimed: 0.4,
  explained: 0.2, described: 0.3, revealed: 0.3, confirmed: 0.4, believe: 0.3, think: 0.2, thought: 0.3,
  know: 0.2, known: 0.3, news: 0.3, spokesman: 0.35, spokeswoman: 0.35, official: 0.4, officials: 0.4,
  // Calendar and time: every story is dated.
  monday: 0.3, tuesday: 0.3, wednesday: 0.3, thursday: 0.3, friday: 0.3, saturday: 0.3, sunday: 0.3,
  today: 0.2, yesterday: 0.2, tonight: 0.3, week: 0.3, weeks: 0.3, weekend: 0.35, month: 0.3, months: 0.3,
  year: 0.25, years: 0.25, day: 0.3, days: 0.3, time: 0.2, times: 0.3, hour: 0.35, hours: 0.35, night: 0.4,
  morning: 0.4, later: 0.2, earlier: 0.2, recent: 0.3, recently: 0.25, early: 0.3, late: 0.3, last: 0.15,
  next: 0.2, first: 0.25, second: 0.3, third: 0.4, former: 0.35, current: 0.3, ago: 0.2,
  // Quantities and vague amounts.
  one: 0.2, two: 0.25, three: 0.3, four: 0.35, five: 0.35, six: 0.4, million: 0.4, billion: 0.45,
  percent: 0.4, cent: 0.35, number: 0.3, numbers: 0.3, lot: 0.2, half: 0.4, dozen: 0.4, total: 0.4,
  // Generic people and places.
  people: 0.3, man: 0.4, woman: 0.4, men: 0.4, women: 0.45, person: 0.35, family: 0.5, friend: 0.5,
  friends: 0.5, world: 0.35, country: 0.45, home: 0.4, place: 0.3, area: 0.35, city: 0.45, state: 0.45,
  mr: 0.15, mrs: 0.15, ms: 0.15, group: 0.4, part: 0.25, way: 0.2, thing: 0.2, things: 0.2, end: 0.3,
  // Generic verbs and adjectives.
  get: 0.2, got: 0.2, make: 0.2, made: 0.25, take: 0.25, took: 0.3, go: 0.2, going: 0.2, went: 0.25,
  come: 0.2, came: 0.25, want: 0.25, wanted: 0.3, see: 0.2, seen: 0.3, saw: 0.3, look: 0.25, looked: 0.3,
  found: 0.35, find: 0.3, give: 0.3, gave: 0.3, use: 0.3, used: 0.3, work: 0.35, put: 0.25, set: 0.3,
  show: 0.35, shows: 0.35, left: 0.35, called: 0.3, call: 0.35, including: 0.2, include: 0.25, need: 0.3,
  help: 0.4, keep: 0.3, begin: 0.3, began: 0.3, become: 0.2, became: 0.3, seem: 0.2, feel: 0.3, felt: 0.35,
  new: 0.2, good: 0.25, great: 0.3, big: 0.3, small: 0.35, old: 0.3, young: 0.4, high: 0.35, long: 0.25,
  able: 0.2, many: 0.2, top: 0.35, major: 0.35, best: 0.35, likely: 0.3, real: 0.3, whole: 0.25,
  // Site furniture that also appears in running text.
  video: 0.4, photo: 0.4, pictured: 0.1, image: 0.4, images: 0.4, click: 0.2, share: 0.3, read: 0.3,
});
