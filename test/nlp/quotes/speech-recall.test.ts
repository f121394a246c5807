import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN a subject, an insertion set off by commas or dashes, then the cue THEN the subject speaks.
  ['Economists in Ohio, like their peers, say taxes encourage savings.', [['Economists in Ohio', 'say', 'taxes encourage savings']]],
  ['Supporters of the bill, however, say it would protect workers.', [['Supporters of the bill', 'say', 'it would protect workers']]],
  ['Tom Reed — a farmer from Ohio — says he made up his mind late.', [['Tom Reed', 'says', 'he made up his mind late']]],
  [
    'Most voters in the state — and two-thirds of officials — said that Lee cannot be beaten.',
    [['Most voters in the state', 'said', 'Lee cannot be beaten']],
  ],
  // A subject pronoun after the cue with words after it opens the clause: no inversion "said they".
  [
    'Several voters at the rallies, including Mr. Jones, said they had no problem with the comments.',
    [['Several voters at the rallies', 'said', 'they had no problem with the comments']],
  ],
  // An insertion with a verb of its own is a clause, not an apposition: the tail reads it.
  ['In Ohio, the plan failed, said Lee.', [['Lee', 'said', 'In Ohio, the plan failed']]],
  // GIVEN an adverb between the subject and a verb of saying THEN the subject still speaks.
  ['Ms. Park gingerly said that the budget was too large.', [['Ms. Park', 'said', 'the budget was too large']]],
  ['Mr. Osei has long said that he will back the budget.', [['Mr. Osei', 'said', 'he will back the budget']]],
  ['Carter however said he would welcome the plan.', [['Carter', 'said', 'he would welcome the plan']]],
  // A noun in -ly is the subject, not an adverb.
  ['The Kennedy family said the house will be sold.', [['The Kennedy family', 'said', 'the house will be sold']]],
  // Not before a verb of belief or evidence ("occasionally find" describes, it does not report).
  ['Peacekeepers are not trained for this, though they occasionally find themselves in war zones.', []],
  // GIVEN an object cue in an opening subordinate clause THEN its object ends at the clause's comma.
  [
    'While the mayor has forcefully condemned the new budget, the council voted for it on Friday.',
    [['the mayor', 'condemned', 'the new budget']],
  ],
  // GIVEN a time adjunct with a weekday before the cue THEN the subject before it speaks.
  ['The spokesman on Thursday evening said the party was not in crisis.', [['The spokesman', 'said', 'the party was not in crisis']]],
  // GIVEN a time adjunct right after the cue and a clause with no "that" THEN the clause is the content.
  ['Smith said on Friday he met the candidate earlier this week.', [['Smith', 'said', 'he met the candidate earlier this week']]],
  ['Smith said Friday he met the candidate.', [['Smith', 'said', 'he met the candidate']]],
  // A base form after a determiner or a capitalized word is a noun or a name, not a cue.
  ['The Orange Free State said the two were its citizens.', [['The Orange Free State', 'said', 'the two were its citizens']]],
  ['Most voters in the state said that Lee cannot be beaten.', [['Most voters in the state', 'said', 'Lee cannot be beaten']]],
  // GIVEN "it" and a finite verb after a cue THEN "it" opens the content clause; "it" alone is an object.
  ['On Friday, the Water Board announced it added 40 new wells in June.', [['the Water Board', 'announced', 'it added 40 new wells in June']]],
  ['Lee announced it.', []],
  // GIVEN a quantity that opens the content THEN it is the clause's subject, not "said more".
  ['Aides said more than 1 million donors gave to the campaign.', [['Aides', 'said', 'more than 1 million donors gave to the campaign']]],
  ['Adelson said much of his talk with Lee was about trade.', [['Adelson', 'said', 'much of his talk with Lee was about trade']]],
  ['Lee said more than he should have.', []],
  // GIVEN a title-case headline with a capitalized verb of saying THEN the name before it speaks the rest.
  ['Mayor Ann Lee Says City Will Rebuild The Bridge', [['Mayor Ann Lee', 'Says', 'City Will Rebuild The Bridge']]],
  ['Lee Said The Three Words Nobody Expected', [['Lee', 'Said', 'The Three Words Nobody Expected']]],
  // Not a verb with an object or a phrase, nor a speaker inside the line, nor a sentence in plain case.
  ['Lee Denies Report Of Rift With Council', []],
  ['Lee Responds To Critics At Town Hall', []],
  ['Poll Shows Voters Say Economy Is Improving', []],
  // GIVEN a time adjunct that counts back ("ten days ago") after a tail cue THEN it is the tail's adjunct.
  [
    'The fund took in far more than it reported to donors, the Ohio State Journal reported ten days ago.',
    [['the Ohio State Journal', 'reported', 'The fund took in far more than it reported to donors']],
  ],
  // GIVEN reported speech in an opening subordinate clause THEN it ends where the main clause begins.
  [
    'While critics argue that the swap rewards kidnappers, President Obama has deemed it worth the risk.',
    [['critics', 'argue', 'the swap rewards kidnappers']],
  ],
  ['Although Lee said the tax would rise, it fell.', [['Lee', 'said', 'the tax would rise']]],
  ["Because the polls indicated that Lee was ahead, there's a sense that he might win.", [['the polls', 'indicated', 'Lee was ahead']]],
  // A comma inside the clause that no subject and verb follow does not end it.
  ['When Lee said that the plan, which was late, would fail, the mayor laughed.', [['Lee', 'said', 'the plan, which was late, would fail']]],
  // GIVEN a restrictive relative clause between the subject and its cue THEN the subject speaks.
  ['The parents who called the school on Monday say they are angry.', [['The parents', 'say', 'they are angry']]],
  ['Democrats in Iowa who watched the debate said they were unfazed.', [['Democrats in Iowa', 'said', 'they were unfazed']]],
  // A cue right after "who" is the relative clause's own, and a clause with no content cue reports nothing.
  ['Voters who said taxes were too high backed Lee.', []],
  // GIVEN a gerund cue in an absolute "with" clause THEN the clause's subject speaks.
  ['Lee leads the race, with 28 percent of members saying they trust him.', [['28 percent of members', 'saying', 'they trust him']]],
  ['Republicans were quick to respond, with Lee tweeting that it was a disaster.', [['Lee', 'tweeting', 'it was a disaster']]],
  ['The plan failed, with critics saying little.', []],
  // GIVEN an en dash before a gerund cue THEN it opens the gerund as a comma does.
  ['Lee changed his mind on the spot \u2013 saying he would now back the plan.', [['Lee', 'saying', 'he would now back the plan']]],
  // GIVEN a pronoun with a contracted verb after the cue THEN it opens the content clause.
  ["Six in 10 say he's at least somewhat decisive.", [['Six in 10', 'say', "he's at least somewhat decisive"]]],
  ["The mayor's aides said it's over.", [["The mayor's aides", 'said', "it's over"]]],
  // GIVEN a share after a colon, or a participle after a plural noun THEN the phrase is the subject.
  ["On housing they lean cautious: 37% say they're renters.", [['37%', 'say', "they're renters"]]],
  [
    'Some 56 percent of voters polled said they were less likely to vote for him.',
    [['Some 56 percent of voters polled', 'said', 'they were less likely to vote for him']],
  ],
  // GIVEN a verb of saying in the infinitive after a finite verb or an adjective THEN the clause's subject speaks.
  ['Lee refused to say whether she would run.', [['Lee', 'say', 'whether she would run']]],
  ['Rural drivers are far more likely to say that the toll hurts them.', [['Rural drivers', 'say', 'the toll hurts them']]],
  ['Lee was quick to add that the deal was done.', [['Lee', 'add', 'the deal was done']]],
  // Not a wish, an object's words, an expletive "it", or an infinitive with no clause after it.
  ['Nobody wants to say that out loud.', []],
  ['The council pushed members to say they support the plan.', []],
  ['It was too soon to know whether the leak was a crack.', []],
  ['Lee declined to say.', []],
  // GIVEN a progressive verb of saying THEN its subject speaks, when content follows it.
  ["Lee isn't saying what other steps he would support.", [['Lee', 'saying', 'what other steps he would support']]],
  ['Lee is saying that the plan failed.', [['Lee', 'saying', 'the plan failed']]],
  ['If the plan fails, as Democrats are alleging, the vote will be close.', []],
  // GIVEN a negated auxiliary or "only" before a verb of saying THEN the subject still speaks.
  ["The spokesman wouldn't say when the Senate will vote.", [['The spokesman', 'say', 'when the Senate will vote']]],
  ['Lee would only say that the plan was worrisome.', [['Lee', 'say', 'the plan was worrisome']]],
  // Not before a verb of belief or evidence.
  ["Young workers often can't find jobs that pay well.", []],
  // GIVEN "and then said" after a comma THEN the subject of the joined clause speaks.
  ['The clerk closed her folder, and then said the hearing was over.', [['The clerk', 'said', 'the hearing was over']]],
  // GIVEN an infinitive cue whose clause runs into a colon THEN the clause ends there.
  [
    'At the time, Lee seemed to suggest he had won: "She signed the deal," he told the paper.',
    [['Lee', 'suggest', 'he had won'], ['he', 'told', 'She signed the deal']],
  ],
  // An absolute "with" clause takes only a plain clause, not a count or a quotation.
  ['Trade rose in May, with the port adding 300 berths.', []],
  // GIVEN a reflexive object with "as" after a verb of describing THEN the description is the content.
  [
    'More than half of the voters described themselves as evangelical Christians.',
    [['half of the voters', 'described', 'themselves as evangelical Christians']],
  ],
  // GIVEN "this past week" between the subject and the cue THEN it is a time adjunct.
  ['The club this past week announced the opening of a new pitch.', [['The club', 'announced', 'the opening of a new pitch']]],
  // GIVEN a one-word answer after "said" THEN the answer is what was said.
  ['Sanders said yes.', [['Sanders', 'said', 'yes']]],
  ['He said no to the harbour tax.', [['He', 'said', 'no to the harbour tax']]],
  // "no" that opens a subject is no answer.
  ['Lee said no one would come.', []],
];

describe('speech recall: subjects and content around the cue', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
