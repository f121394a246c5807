/**
 * Word lists that tell what kind of thing a capitalized name is (a person, an organization, a
 * place, or only a nationality adjective), and what makes an amount of money. The answer of a
 * "who" question must be a person or an organization, of "which country" a country: these lists
 * are how Lede checks that before it answers. Lowercase. Each list says why it is there.
 */

/**
 * Last words of organization names ("White House", "Tesla Inc", "Labour Party"): a run ending
 * with one of them is an organization, never a person.
 */
export const ORGANIZATION_LAST_WORDS: ReadonlySet<string> = new Set([
  'house', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc',
  'group', 'party', 'university', 'college', 'school', 'institute', 'institution', 'foundation', 'association',
  'society', 'council', 'committee', 'commission', 'ministry', 'department', 'agency', 'office', 'bureau',
  'administration', 'bank', 'fund', 'union', 'league', 'federation', 'church', 'army', 'navy', 'force',
  'forces', 'guard', 'police', 'court', 'congress', 'senate', 'parliament', 'assembly', 'cabinet', 'times',
  'journal', 'post', 'news', 'press', 'tribune', 'herald', 'gazette', 'reuters', 'network', 'media',
  'airlines', 'airways', 'motors', 'industries', 'systems', 'technologies', 'engineering', 'partners',
  'holdings', 'bros', 'brothers', 'club', 'fc', 'united', 'board', 'authority', 'service', 'services',
  'organization', 'organisation', 'pentagon', 'kremlin', 'nations', 'coalition', 'movement', 'front',
  'alliance', 'center', 'centre', 'hospital', 'museum', 'library', 'orchestra', 'band', 'studios', 'records',
]);

/** Last words of place names ("Hudson River", "Sierra Nevada Mountains", "Wall Street"). */
export const PLACE_LAST_WORDS: ReadonlySet<string> = new Set([
  'river', 'lake', 'sea', 'ocean', 'bay', 'gulf', 'strait', 'channel', 'island', 'islands', 'mountain',
  'mountains', 'mount', 'hills', 'valley', 'desert', 'peninsula', 'coast', 'city', 'county', 'province',
  'state', 'region', 'district', 'street', 'avenue', 'road', 'square', 'park', 'bridge', 'airport', 'harbor',
  'harbour', 'port', 'canal', 'falls', 'forest', 'basin', 'plain', 'plains', 'cape', 'heights', 'borough',
  'town', 'village', 'territory', 'republic', 'kingdom', 'empire', 'emirates',
]);

/**
 * Countries and a few other sovereign or historical states, lowercase and without a leading
 * "the": the gazetteer-light that lets "which country" be answered by a country, not by the
 * nearest capitalized word. Continents and broad regions are listed in `REGIONS`.
 */
export const COUNTRIES: ReadonlySet<string> = new Set([
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia', 'austria',
  'azerbaijan', 'bahamas', 'bahrain', 'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin',
  'bhutan', 'bolivia', 'bosnia', 'bosnia and herzegovina', 'botswana', 'brazil', 'brunei', 'bulgaria',
  'burkina faso', 'burma', 'burundi', 'cambodia', 'cameroon', 'canada', 'chad', 'chile', 'china', 'colombia',
  'congo', 'costa rica', 'croatia', 'cuba', 'cyprus', 'czech republic', 'czechia', 'denmark', 'djibouti',
  'dominican republic', 'ecuador', 'egypt', 'el salvador', 'eritrea', 'estonia', 'eswatini', 'ethiopia', 'fiji',
  'finland', 'france', 'gabon', 'gambia', 'georgia', 'germany', 'ghana', 'greece', 'grenada', 'guatemala',
  'guinea', 'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq',
  'ireland', 'israel', 'italy', 'ivory coast', 'jamaica', 'japan', 'jordan', 'kazakhstan', 'kenya', 'kosovo',
  'kuwait', 'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'lesotho', 'liberia', 'libya', 'liechtenstein',
  'lithuania', 'luxembourg', 'madagascar', 'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania',
  'mauritius', 'mexico', 'moldova', 'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar',
  'namibia', 'nepal', 'netherlands', 'holland', 'new zealand', 'nicaragua', 'niger', 'nigeria', 'north korea',
  'north macedonia', 'macedonia', 'norway', 'oman', 'pakistan', 'palestine', 'panama', 'papua new guinea',
  'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania', 'russia', 'rwanda',
  'saudi arabia', 'senegal', 'serbia', 'sierra leone', 'singapore', 'slovakia', 'slovenia', 'somalia',
  'south africa', 'south korea', 'korea', 'south sudan', 'spain', 'sri lanka', 'sudan', 'suriname', 'sweden',
  'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania', 'thailand', 'togo', 'trinidad and tobago',
  'tunisia', 'turkey', 'turkmenistan', 'uganda', 'ukraine', 'united arab emirates', 'uae', 'united kingdom',
  'uk', 'u.k.', 'britain', 'great britain', 'england', 'scotland', 'wales', 'northern ireland',
  'united states', 'united states of america', 'us', 'u.s.', 'usa', 'america', 'uruguay', 'uzbekistan',
  'vatican', 'vatican city', 'venezuela', 'vietnam', 'yemen', 'zambia', 'zimbabwe',
  // historical states that history questions ask about
  'soviet union', 'ussr', 'prussia', 'yugoslavia', 'czechoslovakia', 'ottoman empire', 'roman empire',
  'byzantine empire', 'holy roman empire', 'persia', 'austria-hungary', 'east germany', 'west germany',
  'rhodesia', 'siam', 'ceylon', 'zaire', 'bohemia', 'sardinia', 'bavaria', 'saxony', 'hanover', 'normandy',
  'burgundy', 'castile', 'aragon', 'venice', 'genoa', 'florence',
]);

/** Continents and broad regions: places, though not countries. */
export const REGIONS: ReadonlySet<string> = new Set([
  'africa', 'asia', 'europe', 'north america', 'south america', 'central america', 'latin america', 'oceania',
  'antarctica', 'middle east', 'caribbean', 'scandinavia', 'balkans', 'siberia', 'east asia', 'southeast asia',
]);

/**
 * Adjectives of nationality or region written with a capital ("South American", "Venezuelan"): a
 * run made of one is a modifier ("the South American nation"), not a place, person or
 * organization. Besides these, words ending like demonyms (-ian, -ean, -can, -ese, -ish) count
 * when a lowercase noun follows them.
 */
export const DEMONYM_ADJECTIVES: ReadonlySet<string> = new Set([
  'american', 'african', 'asian', 'european', 'arab', 'arabic', 'latin', 'nordic', 'slavic', 'british', 'french',
  'dutch', 'german', 'swiss', 'greek', 'thai', 'israeli', 'iraqi', 'pakistani', 'afghan', 'saudi', 'kuwaiti',
  'qatari', 'yemeni', 'bangladeshi', 'somali', 'filipino', 'argentine', 'czech', 'slovak', 'welsh', 'scots',
  'irish', 'danish', 'polish', 'turkish', 'spanish', 'swedish', 'finnish', 'english', 'scottish', 'kurdish',
  'jewish', 'muslim', 'christian', 'catholic', 'protestant', 'republican', 'democratic', 'soviet',
]);

/** Demonym-like endings, used only when a lowercase noun follows ("Venezuelan President", "Chinese officials"). */
export const DEMONYM_ENDING = /(?:ian|ean|can|lan|ese|ish|ican)$/;

/** Currency words: "12 euros", "5 million dollars". A "how much ... cost" answer needs one of these or a currency sign. */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set([
  'dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds', 'sterling', 'yen', 'yuan', 'renminbi', 'rupee',
  'rupees', 'peso', 'pesos', 'franc', 'francs', 'mark', 'marks', 'ruble', 'rubles', 'rouble', 'roubles', 'lira',
  'lire', 'krona', 'kronor', 'krone', 'kroner', 'reais', 'rand', 'shilling', 'shillings', 'cent',
  'cents', 'pence', 'penny', 'guilder', 'guilders', 'dinar', 'dinars', 'riyal', 'riyals', 'dirham', 'dirhams',
  'bitcoin', 'usd', 'eur', 'gbp', 'ducats', 'florins', 'crowns', 'bolivars', 'bolivares',
]);

/**
 * Verbs and nouns of paying: "How much did X cost / pay / spend / earn", "how much money". With
 * one of them, "how much" asks for money, and a bare count ("six citizens") is not an answer.
 */
export const MONEY_WORDS: ReadonlySet<string> = new Set([
  'cost', 'costs', 'costing', 'pay', 'paid', 'pays', 'spend', 'spent', 'spends', 'earn', 'earned', 'earns',
  'charge', 'charged', 'charges', 'worth', 'price', 'priced', 'prices', 'sell', 'sold', 'buy', 'bought', 'fund',
  'funded', 'funding', 'raise', 'raised', 'money', 'budget', 'salary', 'wage', 'wages', 'fee', 'fees', 'fine',
  'fined', 'revenue', 'profit', 'profits', 'loss', 'losses', 'invest', 'invested', 'investment', 'donate',
  'donated', 'donation', 'grant', 'loan', 'debt', 'tax', 'taxes', 'fare', 'ticket', 'tickets', 'valued',
  'value', 'cash', 'compensation', 'bail', 'ransom', 'owe', 'owed', 'dollars', 'euros', 'pounds',
]);

/**
 * Nouns of people and groups that the answer-type tables do not list ("citizens", "troops"):
 * with PERSON_HEADS, ORGANIZATION_HEADS and agent endings (-er, -or, -ist, -ian...), the nouns a
 * lowercase "who" answer may end with ("the settlers", "local officials"). Anything else ("a
 * conciliatory note", "Friday") is not a who.
 */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'members', 'member', 'forces', 'troops', 'soldiers', 'citizens', 'citizen', 'residents',
  'officials', 'authorities', 'police', 'settlers', 'tribes', 'voters', 'public', 'crowd', 'staff', 'crew',
  'family', 'families', 'children', 'child', 'parents', 'people', 'folk', 'population', 'population',
  'majority', 'minority', 'public', 'natives', 'monks', 'nuns', 'priests', 'clergy', 'nobles', 'nobility',
  'peasants', 'slaves', 'immigrants', 'migrants', 'refugees', 'rebels', 'allies', 'enemies', 'enemy',
  'delegates', 'delegation', 'jury', 'panel', 'electorate', 'faculty', 'colonists', 'crown', 'monarchy',
  'state', 'states', 'city', 'country', 'countries', 'nation', 'nations', 'citizens', 'employees',
  'representatives', 'lawmakers', 'legislature', 'regime', 'opposition', 'rivals', 'fans', 'audience',
]);

/** Endings of agent nouns ("designers", "scientists", "physicians", "attendants", "employees"). */
export const AGENT_ENDING = /(?:er|or|ist|ian|ant|ent|ee|eer|ect|ive|man|men|woman|women|ess|ard|ic|ics)s?$/;
