/**
 * Words that carry no content for matching a question to a sentence (lowercase). A standard English
 * function-word list (articles, pronouns, auxiliaries, prepositions, wh-words) plus the light verbs
 * questions are phrased with ("do", "called", "known"), which match almost any sentence.
 */
export const QA_STOPWORDS: ReadonlySet<string> = new Set([
  // articles, determiners, quantifier-like function words
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'either', 'neither',
  'such', 'own', 'same', 'other', 'another', 'more', 'most', 'much', 'many', 'few', 'several', 'all', 'both',
  // pronouns
  'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she', 'her',
  'hers', 'it', 'its', 'they', 'them', 'their', 'theirs', 'one', 'ones', 'itself', 'himself', 'herself',
  'themselves', 'there', 'here',
  // auxiliaries and copulas
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'doing', 'done', 'have', 'has',
  'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  // wh-words
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'whatever', 'whoever',
  // prepositions and conjunctions
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'as', 'into', 'onto', 'upon', 'over',
  'under', 'than', 'then', 'and', 'or', 'but', 'nor', 'so', 'if', 'because', 'while', 'though', 'although',
  'also', 'not', 'no', 'only', 'just', 'very', 'too', 'up', 'out', 'off', 'down', 'yet', 'still', 'before',
  'after', 'during', 'between', 'against', 'without', 'within', 'among', 'through', 'across', 'toward',
  'towards', 'via', 'per', 'around', 'since', 'until',
  // question light verbs and fillers: "what is X called", "what is X known as", "name the ..."
  'called', 'call', 'known', 'name', 'named', 'term', 'termed', 'kind', 'type', 'sort', 'example', 'considered',
  "'s", 's',
]);

/** Words kept as terms even though they are short or look functional: they decide answers ("first"). */
export const QA_KEEP_TERMS: ReadonlySet<string> = new Set(['first', 'last', 'second', 'third', 'largest', 'smallest']);
