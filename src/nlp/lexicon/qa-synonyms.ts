/**
 * Light expansion for matching question words to sentence words. The Porter stemmer unifies
 * regular forms ("deported"/"deporting"); these tables cover what it cannot: irregular verb forms
 * ("met" for "meet"), and a few derivations questions habitually use in place of the text's word
 * ("death" for "died"). Kept small on purpose: every entry can also create a false match.
 */

/** Irregular past forms and participles -> the base form (lowercase). */
export const IRREGULAR_VERBS: Readonly<Record<string, string>> = {
  met: 'meet', took: 'take', taken: 'take', began: 'begin', begun: 'begin', won: 'win', wrote: 'write',
  written: 'write', led: 'lead', made: 'make', found: 'find', built: 'build', bought: 'buy', brought: 'bring',
  came: 'come', became: 'become', chose: 'choose', chosen: 'choose', drew: 'draw', drawn: 'draw', fell: 'fall',
  fallen: 'fall', felt: 'feel', fought: 'fight', flew: 'fly', flown: 'fly', gave: 'give', given: 'give',
  went: 'go', gone: 'go', grew: 'grow', grown: 'grow', held: 'hold', kept: 'keep', knew: 'know', known: 'know',
  left: 'leave', lost: 'lose', meant: 'mean', paid: 'pay', ran: 'run', rose: 'rise', risen: 'rise', sold: 'sell',
  sent: 'send', set: 'set', shot: 'shoot', spoke: 'speak', spoken: 'speak', spent: 'spend', stood: 'stand',
  struck: 'strike', taught: 'teach', thought: 'think', told: 'tell', understood: 'understand', wore: 'wear',
  saw: 'see', seen: 'see', said: 'say', heard: 'hear', froze: 'freeze', frozen: 'freeze', broke: 'break',
  broken: 'break', caught: 'catch', dealt: 'deal', drove: 'drive', driven: 'drive', ate: 'eat',
  eaten: 'eat', fed: 'feed', forgot: 'forget', forgotten: 'forget', got: 'get', gotten: 'get', hid: 'hide',
  hidden: 'hide', hit: 'hit', hung: 'hang', laid: 'lay', lay: 'lie', lent: 'lend', lit: 'light', rode: 'ride',
  sang: 'sing', sung: 'sing', sank: 'sink', sunk: 'sink', sat: 'sit', slept: 'sleep', sought: 'seek',
  spun: 'spin', stole: 'steal', stolen: 'steal', swore: 'swear', sworn: 'swear', threw: 'throw', thrown: 'throw',
  woke: 'wake', withdrew: 'withdraw', withdrawn: 'withdraw', overthrew: 'overthrow', overthrown: 'overthrow',
  arose: 'arise', arisen: 'arise', bore: 'bear', born: 'bear', bound: 'bind', fled: 'flee', forbade: 'forbid',
  shook: 'shake', shaken: 'shake', shrank: 'shrink', slew: 'slay', slain: 'slay', strove: 'strive',
  undertook: 'undertake', undertaken: 'undertake', upheld: 'uphold', wound: 'wind', men: 'man', women: 'woman',
  children: 'child', people: 'person', mice: 'mouse', feet: 'foot', teeth: 'tooth',
};

/**
 * Word families a question may use for the text's word (after irregular forms are mapped). Each
 * line is one family; matching is by Porter stem, so list one form of each word.
 */
export const WORD_FAMILIES: readonly (readonly string[])[] = [
  ['die', 'death', 'dead'],
  ['bear', 'birth', 'birthplace'],
  ['begin', 'start', 'beginning'],
  ['end', 'finish'],
  ['buy', 'purchase', 'acquire', 'acquisition'],
  ['kill', 'murder'],
  ['create', 'creation', 'creator'],
  ['invent', 'invention', 'inventor'],
  ['discover', 'discovery'],
  ['found', 'founder', 'foundation'],
  ['marry', 'marriage', 'married'],
  ['large', 'big'],
  ['small', 'little'],
  ['country', 'nation'],
  ['refuse', 'reject', 'decline'],
  ['agree', 'agreement'],
  ['meet', 'meeting'],
  ['visit', 'trip'],
  ['elect', 'election'],
  ['appoint', 'appointment'],
  ['govern', 'government', 'governor'],
  ['decide', 'decision'],
  ['deport', 'deportation', 'deportee'],
  ['migrate', 'migrant', 'migration', 'immigration', 'immigrant'],
  ['compose', 'composer', 'composition'],
  ['write', 'writer', 'writing'],
  ['populate', 'population'],
  ['rule', 'ruler', 'reign'],
  ['occur', 'happen'],
  ['use', 'utilize'],
  ['receive', 'accept'],
];
