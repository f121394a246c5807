/**
 * Word lists the answer extractors recognize in sentences, each with the reason it is there.
 */

/** Month names and their AP abbreviations (lowercase): anchors of a date phrase. */
export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Day names, seasons and relative-day words: a date phrase on their own ("on Friday", "last spring"). */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'spring', 'summer', 'autumn', 'winter', 'noon', 'midnight', 'morning', 'evening', 'tonight', 'weekend',
]);

/** Words that can begin or sit inside a date phrase ("early 1990s", "the late 19th century"). */
export const DATE_MODIFIERS: ReadonlySet<string> = new Set([
  'early', 'late', 'mid', 'last', 'next', 'past', 'this', 'the', 'of', 'around', 'about', 'approximately',
  'circa', 'c.', 'nearly', 'since', 'until',
]);

/** Number words: counts written out ("six US citizens"). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
  'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'quarter', 'third', 'twice', 'once', 'several',
  'first', 'second', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
]);

/** Multipliers and approximators that belong to an amount ("$5 million", "nearly 40,000"). */
export const AMOUNT_MODIFIERS: ReadonlySet<string> = new Set([
  'nearly', 'about', 'around', 'approximately', 'almost', 'over', 'under', 'more', 'less', 'than', 'some', 'up',
  'to', 'at', 'least', 'roughly', 'between', 'and', 'per', 'cent', 'percent', 'million', 'billion',
  'trillion', 'thousand', 'hundred', 'times',
]);

/** Currency and unit symbols that open an amount. */
export const CURRENCY_SYMBOLS: ReadonlySet<string> = new Set(['$', '\u00A3', '\u20AC', '\u00A5', '\u20B9', '%']);

/** Prepositions that introduce a place ("in Caracas", "near the border"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'from', 'near', 'to', 'into', 'across', 'throughout', 'inside', 'outside', 'between', 'within',
  'towards', 'toward', 'along', 'off', 'around', 'through',
]);

/** Prepositions that introduce a time ("in 1905", "on Friday", "during the war"). */
export const TIME_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'during', 'since', 'until', 'by', 'before', 'after', 'from', 'till', 'circa', 'around',
]);

/** Words that open a reason ("because of the crisis", "due to..."): answers to "why". */
export const REASON_OPENERS: ReadonlySet<string> = new Set(['because', 'since', 'due', 'as', 'so', 'for', 'to', 'owing', 'thanks']);

/** Words that open a manner ("by bribing officials", "through his writing"): answers to "how". */
export const MANNER_OPENERS: ReadonlySet<string> = new Set(['by', 'through', 'via', 'using', 'with']);

/** Honorifics and titles dropped when matching a speaker's name ("President Trump" = "Trump"). */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'prime',
  'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'gov', 'governor', 'mayor', 'gen',
  'general', 'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'reverend', 'envoy',
  'ambassador', 'chancellor', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'chairman', 'ceo', 'us', 'u.s.', 'former', 'special', 'chief', 'spokesman',
  'spokeswoman', 'director', 'leader', 'state', 'the', 'capt', 'captain', 'col', 'lt', 'sgt', 'adm', 'admiral',
]);
