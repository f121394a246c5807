/**
 * Places and the adjectives made from them: a question says "the president of Mexico" where the
 * article says "Mexican President Claudia Sheinbaum". Each line is one family for term matching.
 * Ambiguous pairs are left out on purpose ("Poland"/"polish", "Georgia" the state and the country).
 */
export const DEMONYM_FAMILIES: readonly (readonly string[])[] = [
  ['mexico', 'mexican'], ['venezuela', 'venezuelan'], ['america', 'american'], ['china', 'chinese'],
  ['france', 'french'], ['britain', 'british'], ['england', 'english'], ['germany', 'german'],
  ['russia', 'russian'], ['japan', 'japanese'], ['italy', 'italian'], ['spain', 'spanish'],
  ['canada', 'canadian'], ['egypt', 'egyptian'], ['india', 'indian'], ['israel', 'israeli'], ['iran', 'iranian'],
  ['iraq', 'iraqi'], ['ukraine', 'ukrainian'], ['brazil', 'brazilian'], ['colombia', 'colombian'], ['cuba', 'cuban'],
  ['europe', 'european'], ['africa', 'african'], ['asia', 'asian'], ['ireland', 'irish'], ['norway', 'norwegian'],
  ['sweden', 'swedish'], ['turkey', 'turkish'], ['greece', 'greek'], ['korea', 'korean'], ['pakistan', 'pakistani'],
  ['afghanistan', 'afghan'], ['syria', 'syrian'], ['netherlands', 'dutch'], ['scotland', 'scottish'],
  ['wales', 'welsh'], ['australia', 'australian'], ['argentina', 'argentine', 'argentinian'], ['chile', 'chilean'],
  ['peru', 'peruvian'], ['palestine', 'palestinian'], ['lebanon', 'lebanese'], ['vietnam', 'vietnamese'],
  ['nigeria', 'nigerian'], ['kenya', 'kenyan'], ['ethiopia', 'ethiopian'], ['portugal', 'portuguese'],
  ['denmark', 'danish'], ['finland', 'finnish'], ['switzerland', 'swiss'], ['austria', 'austrian'],
  ['belgium', 'belgian'], ['hungary', 'hungarian'], ['rome', 'roman'], ['paris', 'parisian'],
];
