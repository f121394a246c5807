/**
 * Words around speaker names: titles stripped when a mention is resolved to a canonical name, role
 * nouns that make a lowercase phrase a speaker ("a spokeswoman", "officials"), organisations that
 * speak ("the White House"), and pronouns. Lowercase; sources: AP Stylebook titles and the speakers
 * seen in wire copy.
 */

/** Titles and honorifics before a name: "US envoy Richard Grenell" -> "Richard Grenell". */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'president', 'vice', 'prime', 'minister', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess',
  'pope', 'sen', 'senator', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
  'lt', 'lieutenant', 'mayor', 'judge', 'justice', 'attorney', 'general', 'gen', 'col', 'colonel', 'capt',
  'captain', 'maj', 'major', 'adm', 'admiral', 'sgt', 'sergeant', 'secretary', 'ambassador', 'amb', 'envoy',
  'speaker', 'leader', 'chairman', 'chairwoman', 'chair', 'chief', 'director', 'commissioner', 'spokesman',
  'spokeswoman', 'spokesperson', 'press', 'adviser', 'advisor', 'aide', 'candidate', 'nominee', 'former',
  'then', 'acting', 'deputy', 'assistant', 'executive', 'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'host',
  'anchor', 'correspondent', 'editor', 'columnist', 'analyst', 'economist', 'strategist', 'pollster',
  'manager', 'campaign', 'chairperson', 'state', 'foreign', 'defense', 'interior', 'treasury', 'homeland',
  'security', 'national', 'special', 'counsel', 'sheriff', 'officer', 'detective', 'prosecutor', 'lawyer',
  'u.s.', 'us', 'democratic', 'republican', 'gop', 'independent', 'presidential', 'president-elect',
  'senior', 'top', 'coach', 'dean', 'rabbi', 'imam', 'bishop', 'cardinal', 'father', 'sister', 'brother',
  'jr', 'sr', 'the', 'ex', 'chairs', 'incumbent', 'outgoing', 'incoming', 'councilman', 'councilwoman',
  'councilmember', 'councillor', 'alderman', 'delegate', 'del', 'assemblyman', 'assemblywoman',
]);

/** Role nouns: a lowercase phrase ending in one of these can be a speaker ("a campaign operative"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'officials', 'source', 'sources',
  'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'operative', 'operatives', 'strategist',
  'strategists', 'analyst', 'analysts', 'expert', 'experts', 'economist', 'economists', 'lawyer', 'lawyers',
  'attorney', 'attorneys', 'prosecutor', 'prosecutors', 'police', 'investigators', 'witness', 'witnesses',
  'resident', 'residents', 'voter', 'voters', 'supporter', 'supporters', 'critic', 'critics', 'observer',
  'observers', 'leader', 'leaders', 'lawmaker', 'lawmakers', 'senator', 'senators', 'candidate', 'candidates',
  'campaign', 'administration', 'government', 'ministry', 'department', 'agency', 'company', 'firm',
  'statement', 'report', 'poll', 'polls', 'survey', 'study', 'studies', 'analysis', 'memo', 'letter',
  'researchers', 'scientists', 'doctors', 'doctor', 'physician', 'director', 'chief', 'president', 'governor',
  'mayor', 'minister', 'secretary', 'ambassador', 'envoy', 'diplomat', 'diplomats', 'manager', 'chairman',
  'chairwoman', 'executive', 'executives', 'representative', 'representatives', 'member', 'members', 'group',
  'groups', 'organization', 'organizers', 'people', 'person', 'man', 'woman', 'men', 'women', 'friend',
  'friends', 'colleague', 'colleagues', 'staff', 'staffer', 'staffers', 'advocate', 'advocates', 'activist',
  'activists', 'pollster', 'pollsters', 'democrats', 'republicans', 'insiders', 'insider', 'authorities',
  'officers', 'officer', 'judge', 'court', 'commission', 'committee', 'council', 'board', 'party', 'union',
  'newspaper', 'network', 'outlet', 'magazine', 'website', 'reporter', 'reporters', 'journalist',
  'journalists', 'editorial', 'columnist', 'host', 'correspondent', 'team', 'camp', 'side', 'spokesmen',
  'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'sister', 'brother', 'family', 'nominee',
  'counsel', 'teacher', 'student', 'students', 'worker', 'workers', 'owner', 'owners', 'founder', 'ceo',
  'data', 'figures', 'records', 'documents', 'filing', 'filings', 'ruling', 'complaint', 'lawsuit', 'indictment',
  'office', 'bureau', 'spokespersons', 'interviewer',
  'white', 'house', 'kremlin', 'pentagon', 'others', 'many', 'some', 'most', 'both', 'all', 'several',
  // Shares of a poll's respondents speak for them ("Nearly half said", "62 percent of voters say").
  'percent', 'half', 'third', 'quarter', 'majority', 'plurality', 'minority', 'respondents', 'article',
  'document', 'results', 'lobbyist', 'lobbyists', 'narrator',
  // People quoted by what they do ("one employee told", "another commenter wrote").
  'employee', 'employees', 'user', 'users', 'commenter', 'commenters', 'participant', 'participants',
  'protester', 'protesters', 'demonstrator', 'demonstrators', 'delegate', 'delegates', 'attendee', 'attendees',
  'volunteer', 'volunteers', 'parent', 'parents', 'nurse', 'nurses', 'neighbor', 'neighbors', 'customer', 'customers',
]);

/** Determiners and quantifiers that open a role phrase ("a source", "two officials", "another aide"). */
export const ROLE_OPENERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'another', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'most',
  'other', 'senior', 'top', 'his', 'her', 'their', 'its', 'our', 'your', 'my', 'both', 'all', 'few', 'these',
  'those', 'this', 'that',
]);

/** Personal pronouns that can be speakers, with their gender/number for resolution. */
export const PRONOUNS: Readonly<Record<string, 'm' | 'f' | 'pl' | 'n' | 'self'>> = {
  he: 'm', she: 'f', they: 'pl', it: 'n', i: 'self', we: 'self', you: 'self',
};

/** Words that can never be a speaker although capitalized at a sentence start. */
export const NOT_SPEAKERS: ReadonlySet<string> = new Set([
  'but', 'and', 'or', 'so', 'yet', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'here',
  'when', 'while', 'if', 'as', 'because', 'although', 'though', 'after', 'before', 'since', 'until', 'once',
  'what', 'which', 'who', 'whom', 'whose', 'where', 'why', 'how', 'in', 'on', 'at', 'for', 'with', 'by',
  'from', 'to', 'of', 'about', 'also', 'still', 'however', 'meanwhile', 'now', 'then', 'today', 'yesterday',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'not', 'no', 'yes', 'it',
  'its', 'his', 'her', 'their', 'our', 'my', 'your', 'me', 'him', 'us', 'them', 'one', 'nobody', 'everyone',
  'everybody', 'someone', 'anyone', 'nothing', 'something', 'reporters', 'asked', 'later', 'earlier',
  'previously', 'recently', 'again', 'just', 'only', 'even', 'never', 'always', 'often', 'has', 'had', 'have',
  // Prepositions and time words that open a sentence's adverbial ("Over the years, ...", "Last week, ...").
  'over', 'under', 'during', 'despite', 'among', 'amid', 'against', 'into', 'without', 'within', 'throughout',
  'last', 'next', 'instead', 'hours', 'minutes', 'days', 'weeks', 'months', 'years',
]);

/** Feminine and masculine role words: they decide which pronoun can refer back to a person. */
export const FEMININE_WORDS: ReadonlySet<string> = new Set([
  'mrs', 'ms', 'miss', 'spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'woman', 'mother',
  'wife', 'daughter', 'sister', 'queen', 'princess', 'lady', 'dame', 'madam', 'grandmother', 'actress',
]);
export const MASCULINE_WORDS: ReadonlySet<string> = new Set([
  'mr', 'spokesman', 'congressman', 'chairman', 'businessman', 'man', 'father', 'husband', 'son', 'brother',
  'king', 'prince', 'lord', 'sir', 'grandfather', 'actor', 'pope',
]);
