/**
 * What the head noun of a what/which question says about its answer beyond the coarse type
 * (issue 13): some heads name a small closed class whose members are plain English words ("which
 * continent" -> Africa, Asia...; "which direction" -> north, southwest...), some ask for a rank
 * ("what position" -> second, 3rd) or a rating (a number), and some name a kind of thing whose
 * instances carry proper names ("what game console" -> Xbox One, "which storm" -> Hurricane Dora).
 */

/** Closed classes: the answer must hold one of these words (lowercase). */
export const CLOSED_CLASS_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['continent', new Set(['africa', 'antarctica', 'asia', 'australia', 'europe', 'america', 'oceania', 'eurasia'])],
  ['direction', new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northward', 'southward', 'eastward', 'westward', 'northerly', 'southerly', 'easterly', 'westerly', 'upward', 'downward', 'clockwise', 'counterclockwise', 'anticlockwise'])],
  ['color', new Set(['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'violet', 'pink', 'brown', 'black', 'white', 'grey', 'gray', 'gold', 'silver', 'crimson', 'scarlet', 'indigo', 'maroon', 'beige'])],
  ['colour', new Set(['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'violet', 'pink', 'brown', 'black', 'white', 'grey', 'gray', 'gold', 'silver', 'crimson', 'scarlet', 'indigo', 'maroon', 'beige'])],
  ['hemisphere', new Set(['northern', 'southern', 'eastern', 'western'])],
  ['gender', new Set(['male', 'female', 'men', 'women', 'man', 'woman'])],
  ['sex', new Set(['male', 'female', 'men', 'women', 'man', 'woman'])],
]);

/** Heads asking for a rank or a rating: the answer is a number or an ordinal ("finished in what position"). */
export const RANK_HEADS: ReadonlySet<string> = new Set([
  'position', 'rank', 'ranking', 'rating', 'ratings', 'grade', 'seed', 'standing', 'placing', 'finish', 'tier', 'level',
]);

/** Ordinal words, the answers of a rank question besides numbers ("second", "3rd"). */
export const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'last', 'top', 'bottom',
]);

/** Heads whose instances are named (a capitalized name answers them better than a common noun). */
export const NAMED_CLASS_HEADS: ReadonlySet<string> = new Set([
  'book', 'books', 'novel', 'film', 'films', 'movie', 'movies', 'song', 'songs', 'album', 'albums', 'series', 'show',
  'program', 'programme', 'ship', 'ships', 'vessel', 'storm', 'hurricane', 'typhoon', 'console', 'website', 'site',
  'app', 'application', 'service', 'platform', 'software', 'language', 'languages', 'religion', 'award', 'prize',
  'trophy', 'medal', 'treaty', 'war', 'battle', 'operation', 'festival', 'holiday', 'game', 'tournament',
  'championship', 'competition', 'event', 'exhibition', 'mission', 'spacecraft', 'satellite', 'rocket', 'aircraft',
  'plane', 'car', 'model', 'law', 'act', 'bill', 'doctrine', 'dynasty', 'lake', 'mountain', 'river', 'building',
  'monument', 'museum', 'bridge', 'hospital', 'airport', 'landmark', 'street', 'avenue', 'road', 'channel',
  'station', 'newspaper', 'magazine', 'journal', 'painting', 'opera', 'play', 'poem', 'symphony', 'opera',
  'culture', 'nationality', 'ethnicity', 'denomination', 'faith', 'sect', 'movement', 'theory', 'theorem',
  'algorithm', 'protocol', 'test', 'element', 'planet', 'star', 'galaxy', 'moon', 'virus', 'disease', 'brand',
]);
