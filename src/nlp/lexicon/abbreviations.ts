/**
 * Abbreviation tables for sentence segmentation (lowercase, without the period). Sources: AP
 * Stylebook abbreviations for titles, months and addresses, and the errors seen on wire copy.
 */

/** Titles before a name: a period after them never ends a sentence ("Gov. Newsom", "Mr. Smith"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gov', 'govs', 'sen', 'sens', 'rep', 'reps', 'gen', 'lt', 'col',
  'maj', 'capt', 'cmdr', 'cmdt', 'adm', 'sgt', 'cpl', 'pvt', 'pres', 'rev', 'fr', 'hon', 'atty', 'supt', 'insp',
  'det', 'amb', 'sec', 'messrs', 'mme', 'mlle', 'msgr', 'sr', 'sra', 'srta', 'brig', 'gens', 'ald', 'cong',
  'treas', 'asst', 'assoc', 'dir', 'mt', 'ft', 'st', 'ste',
]);

/** Before a number they are part of the same sentence ("Jan. 20", "No. 3", "Vol. 2", "pp. 10"). */
export const ABBREVIATIONS_BEFORE_NUMBERS: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'vols', 'fig', 'figs', 'art', 'ch', 'chap', 'p', 'pp', 'para', 'sec', 'tel', 'ext',
  'approx', 'ca', 'op', 'ed', 'eds', 'rt', 'hwy', 'rte', 'ave', 'st', 'blvd', 'rd', 'mt', 'ft', 'min', 'max',
]);

/** Abbreviations that can also end a sentence ("... Acme Inc. The company said"). */
export const ABBREVIATIONS_MAY_END_SENTENCE: ReadonlySet<string> = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'jr', 'sr', 'etc', 'vs', 'v', 'al', 'esq', 'dept', 'univ',
  'assn', 'ave', 'blvd', 'rd', 'est', 'govt', 'intl', 'natl', 'mfg', 'cf', 'ibid', 'pt', 'yr', 'yrs', 'mo', 'mos',
  'wk', 'hr', 'hrs', 'oz', 'lb', 'lbs', 'kg', 'km', 'mi', 'sq', 'cu',
]);

/**
 * Capitalized words that start sentences but are not names: after an ambiguous abbreviation
 * ("U.S.", "Inc.", an initial) a following "The" or "He" means a new sentence, "Senate" does not.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'There', 'Their', 'Then', 'Thus', 'Its', 'It', 'He',
  'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Our', 'My', 'Your', 'But', 'And', 'Or', 'So', 'Yet', 'Nor',
  'If', 'When', 'While', 'Where', 'What', 'Why', 'How', 'Who', 'Which', 'After', 'Before', 'Since', 'As',
  'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'Of', 'To', 'Under', 'Over', 'During', 'Despite',
  'Although', 'Though', 'However', 'Meanwhile', 'Still', 'Also', 'Now', 'Some', 'Many', 'Most', 'All', 'No',
  'Not', 'One', 'Two', 'Three', 'Last', 'Earlier', 'Later', 'Yesterday', 'Today', 'Tomorrow', 'Officials',
  'According', 'Asked', 'Both', 'Each', 'Every', 'Such', 'Other', 'Another', 'More', 'Few', 'Several',
  'Instead', 'Even', 'Because', 'Until', 'Unless', 'Once', 'Here', 'Let', 'Do', 'Does', 'Did', 'Is', 'Are',
  'Was', 'Were', 'Will', 'Would', 'Can', 'Could', 'Should', 'May', 'Might', 'Must', 'Has', 'Have', 'Had',
]);
