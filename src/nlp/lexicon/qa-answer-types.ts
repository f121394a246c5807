/**
 * Tables that map a question's wording to the kind of answer it expects. Sources: the answer-type
 * taxonomies of rule-based QA systems (Li & Roth 2002 coarse classes; Hovy et al., Webclopedia),
 * cut down to the types Lede can find by rule in news text.
 */

/** The kinds of span Lede looks for. */
export type AnswerType = 'person' | 'organization' | 'date' | 'place' | 'number' | 'noun' | 'clause' | 'quote' | 'yesno';

/** "What/which <head> ..." heads naming a time: the answer is a date or time. */
export const DATE_HEADS: ReadonlySet<string> = new Set([
  'year', 'years', 'date', 'day', 'days', 'month', 'months', 'century', 'centuries', 'decade', 'decades', 'time',
  'era', 'period', 'season', 'week', 'hour', 'age', 'dynasty', 'point', 'moment',
]);

/** Heads naming a place. */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'country', 'countries', 'city', 'cities', 'state', 'states', 'place', 'places', 'location', 'region', 'regions',
  'continent', 'area', 'town', 'towns', 'island', 'islands', 'province', 'county', 'nation', 'village', 'river',
  'ocean', 'sea', 'mountain', 'street', 'neighborhood', 'district', 'capital', 'territory', 'port', 'venue',
  'stadium', 'border',
]);

/** Heads naming a person. */
export const PERSON_HEADS: ReadonlySet<string> = new Set([
  'person', 'people', 'man', 'woman', 'men', 'women', 'president', 'king', 'queen', 'leader', 'scientist',
  'author', 'writer', 'player', 'emperor', 'ruler', 'official', 'minister', 'general', 'actor', 'actress',
  'artist', 'singer', 'director', 'founder', 'inventor', 'architect', 'philosopher', 'physicist', 'chemist',
  'composer', 'poet', 'explorer', 'envoy', 'senator', 'governor', 'mayor', 'pope', 'son', 'daughter', 'father',
  'mother', 'wife', 'husband', 'brother', 'sister', 'coach', 'ceo', 'chairman', 'spokesman', 'spokeswoman',
  'individual', 'engineer', 'economist', 'historian', 'mathematician', 'prince', 'princess', 'lord', 'bishop',
  'commander', 'captain', 'head', 'judge', 'lawyer', 'doctor', 'professor', 'student', 'quarterback',
]);

/** Heads naming an organization. */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'company', 'companies', 'organization', 'organisation', 'group', 'agency', 'team', 'teams', 'party',
  'university', 'school', 'college', 'firm', 'network', 'newspaper', 'magazine', 'band', 'corporation',
  'institution', 'church', 'government', 'club', 'army', 'body', 'committee', 'court', 'bank', 'union', 'league',
  'station', 'channel', 'publication', 'brand', 'manufacturer', 'airline', 'broadcaster', 'department',
  'ministry', 'council', 'association', 'society', 'tribe', 'empire', 'kingdom', 'administration',
]);

/** Heads naming a quantity ("what percentage", "what amount"): the answer is a number. */
export const NUMBER_HEADS: ReadonlySet<string> = new Set([
  'number', 'amount', 'percentage', 'percent', 'proportion', 'fraction', 'population', 'cost', 'price', 'size',
  'temperature', 'speed', 'rate', 'length', 'height', 'weight', 'distance', 'total', 'sum', 'value', 'score',
  'depth', 'width', 'area', 'margin', 'share', 'ratio', 'count', 'salary', 'budget', 'revenue',
]);

/** "How <adj>" asks a measure: "how many", "how long", "how old"... */
export const HOW_MEASURE_WORDS: ReadonlySet<string> = new Set([
  'many', 'much', 'long', 'old', 'far', 'large', 'big', 'high', 'tall', 'deep', 'wide', 'fast', 'often',
  'heavy', 'small', 'short', 'hot', 'cold', 'warm', 'expensive', 'frequently', 'close', 'few',
]);

/** "How long/often" can also be answered by a duration or a date-like phrase. */
export const HOW_DURATION_WORDS: ReadonlySet<string> = new Set(['long', 'often', 'frequently']);

/** Verbs of saying: "What did X say?", "Who said ...?" go to the quote index. */
export const SAY_VERBS: ReadonlySet<string> = new Set([
  'say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'state', 'stated', 'claim', 'claimed', 'argue',
  'argued', 'add', 'added', 'remark', 'remarked', 'declare', 'declared', 'announce', 'announced', 'comment',
  'commented', 'quote', 'quoted', 'write', 'wrote', 'describe', 'described', 'call', 'called', 'think', 'thought',
  'warn', 'warned', 'insist', 'insisted', 'explain', 'explained', 'note', 'noted',
]);
