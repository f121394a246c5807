/**
 * Function words for summary scoring and keywords (lowercase). They carry no topic, so they are left
 * out of sentence vectors, salience and keywords. Source: the classic SMART/Snowball English lists,
 * trimmed to the words that occur in news copy, plus contractions as our tokenizer keeps them
 * ("didn't", "it's").
 */
export const SUMMARY_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'across', 'after', 'afterwards', 'again', 'against', 'ago', 'all', 'almost', 'alone',
  'along', 'already', 'also', 'although', 'always', 'am', 'among', 'amongst', 'an', 'and', 'another', 'any',
  'anybody', 'anyone', 'anything', 'anyway', 'anywhere', 'are', 'aren\'t', 'around', 'as', 'at', 'away', 'back',
  'be', 'became', 'because', 'become', 'becomes', 'been', 'before', 'behind', 'being', 'below', 'beside',
  'besides', 'between', 'beyond', 'both', 'but', 'by', 'can', 'can\'t', 'cannot', 'could', 'couldn\'t', 'did',
  'didn\'t', 'do', 'does', 'doesn\'t', 'doing', 'don\'t', 'done', 'down', 'during', 'each', 'either', 'else',
  'elsewhere', 'enough', 'etc', 'even', 'ever', 'every', 'everyone', 'everything', 'everywhere', 'except', 'few',
  'for', 'from', 'further', 'had', 'hadn\'t', 'has', 'hasn\'t', 'have', 'haven\'t', 'having', 'he', 'he\'d',
  'he\'ll', 'he\'s', 'hence', 'her', 'here', 'here\'s', 'hers', 'herself', 'him', 'himself', 'his', 'how',
  'however', 'i', 'i\'d', 'i\'ll', 'i\'m', 'i\'ve', 'if', 'in', 'indeed', 'into', 'is', 'isn\'t', 'it', 'it\'s',
  'its', 'itself', 'just', 'least', 'less', 'let', 'let\'s', 'like', 'many', 'may', 'me', 'meanwhile', 'might',
  'mine', 'more', 'moreover', 'most', 'mostly', 'much', 'must', 'mustn\'t', 'my', 'myself', 'neither', 'never',
  'nevertheless', 'no', 'nobody', 'none', 'nor', 'not', 'nothing', 'now', 'nowhere', 'of', 'off', 'often', 'on',
  'once', 'only', 'onto', 'or', 'other', 'others', 'otherwise', 'ought', 'our', 'ours', 'ourselves', 'out',
  'over', 'own', 'per', 'perhaps', 'quite', 'rather', 'really', 'same', 'several', 'shall', 'she', 'she\'d',
  'she\'ll', 'she\'s', 'should', 'shouldn\'t', 'since', 'so', 'some', 'somebody', 'someone', 'something',
  'sometimes', 'somewhere', 'still', 'such', 'than', 'that', 'that\'s', 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', 'there\'s', 'therefore', 'these', 'they', 'they\'d', 'they\'ll', 'they\'re',
  'they\'ve', 'this', 'those', 'though', 'through', 'throughout', 'thus', 'to', 'together', 'too', 'toward',
  'towards', 'under', 'unless', 'until', 'up', 'upon', 'us', 'very', 'via', 'was', 'wasn\'t', 'we', 'we\'d',
  'we\'ll', 'we\'re', 'we\'ve', 'well', 'were', 'weren\'t', 'what', 'what\'s', 'whatever', 'when', 'whenever',
  'where', 'whereas', 'wherever', 'whether', 'which', 'while', 'who', 'who\'s', 'whoever', 'whole', 'whom',
  'whose', 'why', 'will', 'with', 'within', 'without', 'won\'t', 'would', 'wouldn\'t', 'yet', 'you', 'you\'d',
  'you\'ll', 'you\'re', 'you\'ve', 'your', 'yours', 'yourself', 'yourselves',
]);
