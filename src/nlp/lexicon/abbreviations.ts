/**
 * Word tables for sentence segmentation. Each table says what a period after (or a word after)
 * means for a sentence boundary; each entry group carries the reason it is there. Keys are
 * lowercase and without the period unless a table says otherwise. Sources: AP Stylebook
 * abbreviations (titles, months, addresses, companies) and the errors seen on wire copy.
 */

/** How a period after an abbreviation behaves. */
export type AbbreviationClass =
  /** A title or linking abbreviation: always followed by more of the same sentence ("Gov. Newsom", "vs. Smith"). */
  | 'never-ends'
  /** Followed by a number it continues ("Jan. 20", "No. 3"); otherwise ends only before a sentence starter. */
  | 'before-number'
  /** Part of a proper name ("St. Louis", "Elm St."): ends only before a sentence starter. */
  | 'name-part'
  /** A company or name suffix ("Inc.", "Jr."): ends before a capitalized word unless that word is a role ("Inc. Chief Executive"). */
  | 'suffix'
  /** Ordinary abbreviation that often ends sentences ("etc.", "et al."): ends before any capitalized word. */
  | 'may-end';

function table(cls: AbbreviationClass, words: string): Array<[string, AbbreviationClass]> {
  return words.split(/\s+/).filter(Boolean).map((w) => [w, cls]);
}

/**
 * Abbreviations written as a word and a period. Lookups are by the lowercase word, except the
 * entries of {@link CAPITALIZED_ONLY} which must start with a capital.
 */
export const ABBREVIATIONS: ReadonlyMap<string, AbbreviationClass> = new Map([
  // Civil, military and religious titles (AP): a name always follows.
  ...table('never-ends', 'mr mrs ms mx messrs mmes dr drs prof profs gov govs sen sens rep reps lt col maj capt cmdr cmdt adm'),
  ...table('never-ends', 'sgt cpl pvt spc pfc gen gens brig pres rev revs fr hon atty supt insp det amb msgr mme mlle sra srta'),
  ...table('never-ends', 'asst assoc dir treas ald cong sec secs cmdr'),
  // "Del. Stacey Plaskett": a House delegate; as Delaware it sits in "(D-Del.)" where a bracket follows anyway.
  ...table('never-ends', 'del'),
  // Linking abbreviations that are never last: "vs. Smith", "cf. page".
  ...table('never-ends', 'vs v cf viz'),
  // Months (AP abbreviates Jan., Feb., Aug., Sept., Oct., Nov., Dec. before a date) and numbering words.
  ...table('before-number', 'jan feb mar apr jun jul aug sep sept oct nov dec'),
  ...table('before-number', 'no nos vol vols fig figs art ch chap p pp para tel ext approx ca ed eds op pt rt hwy rte'),
  // Address and place-name parts: "St. Louis", "Mt. Everest", "Fort" and street suffixes.
  ...table('name-part', 'st ste mt ft ave blvd rd dist'),
  // "Warner Bros. Discovery": brothers is part of a company name far more often than its end.
  ...table('name-part', 'bros'),
  // Company and name suffixes: "Acme Inc. said", but "Acme Inc. Shares fell" ends the sentence.
  ...table('suffix', 'inc corp co ltd llc plc jr sr esq cos'),
  // Ordinary abbreviations that commonly end a sentence.
  ...table('may-end', 'etc al dept univ assn est govt intl natl mfg ibid yr yrs mo mos wk hr hrs min max oz lb lbs kg km mi sq cu'),
]);

/** Entries that are abbreviations only when capitalized: lowercase "no." and "art." are words. */
export const CAPITALIZED_ONLY: ReadonlySet<string> = new Set(['no', 'nos', 'art', 'ed', 'op', 'pt', 'ch']);

/** Dotted abbreviations (lowercase, with periods) that never end a sentence: "e.g. the", "i.e. more". */
export const DOTTED_NEVER_ENDS: ReadonlySet<string> = new Set(['e.g.', 'i.e.', 'viz.', 'a.k.a.', 'c.f.']);

/** Dotted time markers: "10:30 a.m. Tuesday" continues, "at 3 a.m. Firefighters arrived" does not. */
export const DOTTED_TIMES: ReadonlySet<string> = new Set(['a.m.', 'p.m.']);

/**
 * Dotted place and organization names that often end a sentence ("detained in the U.S. Trump said"):
 * they end before any capitalized word except the ones in {@link CONTINUES_AFTER_PLACE}.
 */
export const DOTTED_PLACES: ReadonlySet<string> = new Set([
  'u.s.', 'u.k.', 'u.n.', 'e.u.', 'd.c.', 'u.s.a.', 'l.a.', 'n.y.', 'n.j.', 'u.a.e.', 's.f.',
]);

/**
 * Capitalized words that start sentences but are not names: after an ambiguous abbreviation
 * ("U.S.", an initial, "St.") a following "The" or "He" means a new sentence, "Senate" does not.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  `The A An This That These Those There Their Then Thus Its It He She They We I You His Her Our My Your
  But And Or So Yet Nor If When While Where What Why How Who Whom Whose Which After Before Since As In On At
  For From With Without By Of To Under Over During Despite Although Though However Meanwhile Still Also Now
  Some Many Most All No Not One Two Three Four Five Last Earlier Later Yesterday Today Tomorrow According
  Asked Both Each Every Such Other Another More Few Several Instead Even Because Until Unless Once Here Let
  Do Does Did Is Are Was Were Will Would Can Could Should May Might Must Has Have Had Separately Nevertheless
  Moreover Furthermore Indeed Overall Among Amid Following Police Officials Authorities Analysts Critics`
    .split(/\s+/)
    .filter(Boolean),
);

/** Roles and parts of names that follow a company or name suffix in the same sentence ("Acme Inc. Chief Executive"). */
export const CONTINUES_AFTER_SUFFIX: ReadonlySet<string> = new Set(
  `Chief CEO CFO COO CTO Chairman Chairwoman Chair President Vice Executive Founder Director Senior General
  Managing Spokesman Spokeswoman Spokesperson Day Boulevard Blvd Drive Avenue Street High School Library
  Foundation Center Memorial`
    .split(/\s+/)
    .filter(Boolean),
);

/** Institutions and titles that follow "U.S." and the like inside one sentence ("U.S. Senate", "U.K. Prime Minister"). */
export const CONTINUES_AFTER_PLACE: ReadonlySet<string> = new Set(
  `President Vice Senate Senator House Congress Congressman Congresswoman Army Navy Air Marine Marines
  Coast Supreme Court Courts District Circuit Attorney Attorneys Secretary Department Embassy Ambassador
  Treasury Justice State Government Administration Open Steel Capitol Census Bureau Border Customs Federal
  Central Forces Military Defense Defence Prime Minister Ministry Foreign Home Office Parliament Security
  Council General Assembly Special Envoy Representative Mission Park Postal Olympic Chamber Agency
  Trade National Navy's Army's Senate's House's Dollar Treasuries Stocks Stock Markets Secret Service
  Geological Food Drug Energy Commerce Labor Transportation Health Homeland Patent Citizenship Immigration
  Highway Route Rep Sen Gen Gov Lt Col Adm Capt Amb Northeast Northwest Southeast Southwest Midwest South
  North East West Gulf Coast Pacific Atlantic Mainland`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that follow a time ("10 a.m. Tuesday", "3 p.m. ET") inside one sentence. */
export const CONTINUES_AFTER_TIME: ReadonlySet<string> = new Set(
  `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec ET EST EDT
  CT CST CDT MT MST MDT PT PST PDT GMT UTC BST CET CEST IST JST AEST AEDT Eastern Central Mountain Pacific
  Moscow Beijing Tokyo London Paris Kyiv Washington Local`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Verbs of speech that, after a quoted question or exclamation and a short name, keep the
 * attribution in the quote's sentence ('"Why now?" Trump asked.').
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  `said says asked asks told tells added adds shouted shouts wrote writes tweeted tweets posted replied
  replies exclaimed exclaims insisted insists demanded demands wondered wonders continued continues recalled
  recalls yelled yells cried cries declared declares answered answers responded responds remarked noted notes
  stated states warned warns argued argues chanted chant chanted joked jokes quipped quips screamed whispered
  pleaded begged`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Top-level domains (lowercase) recognized in bare domains without a scheme ("News.Az", "nytimes.com"):
 * a period glued between a word and one of these is not a sentence boundary ("ended.The" stays two words).
 */
export const DOMAIN_SUFFIXES: ReadonlySet<string> = new Set(
  `com org net edu gov mil int info biz io co ai app dev news tv me ly fm am ws to cc us uk ca au nz ie de fr
  es it nl be ch at se no dk fi pl cz ru ua by az ge am kz uz tr il ir in pk cn jp kr tw hk sg my id ph th vn
  br ar mx cl za ng ke eg sa ae qa online site press media today world eu asia`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lowercase words that cannot end a line of a wrapped paragraph's heading: a line ending in one of
 * them was hard-wrapped mid-sentence ("said the\nPresident").
 */
export const CONNECTIVES: ReadonlySet<string> = new Set(
  `the a an of to and or in on at for with by from as that than but nor into onto over under about after
  before his her its their our my your this these those is are was were be been has have had will would
  said says told`
    .split(/\s+/)
    .filter(Boolean),
);
