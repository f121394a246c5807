import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes';

/** [input, expected attributions as [speaker mention, cue, fragment text]] */
type Row = [string, Array<[string | null, string | null, string]>];

const rows: Row[] = [
  // GIVEN "state(s)" with no "that", colon or quotation THEN it is the noun, not a cue.
  ['The two states hold their primaries on the first of March.', []],
  ['He is counting on his home county because he will have the votes.', []],
  // ... while "stated that" still reports.
  ['The mayor stated that the bridge would reopen in June.', [['The mayor', 'stated', 'the bridge would reopen in June']]],
  // GIVEN an opening adverbial (a day, "Despite ...") before "X said" THEN it is no content: the clause after the cue is.
  [
    'Despite his quarrel with the council, Lee said if elected he would work with its members.',
    [['Lee', 'said', 'if elected he would work with its members']],
  ],
  [
    'Wednesday on the morning show, Ann Cole said the vote would be close.',
    [['Ann Cole', 'said', 'the vote would be close']],
  ],
  // An opening phrase with a quotation that holds the verb is still content.
  [
    'During the call, the two leaders "agreed to keep working on the treaty until it is done," the aide said.',
    [['the aide', 'said', 'During the call, the two leaders "agreed to keep working on the treaty until it is done,"']],
  ],
  // A short quoted title in the opening phrase holds no verb.
  [
    'On the "Morning Show" Tuesday, she said, "We never promised to pay the fees."',
    [['she', 'said', 'We never promised to pay the fees']],
  ],
  // GIVEN "said" and a time adjunct before a clause with its own subject THEN the clause is the content.
  ['Lee said on Friday he met the governor earlier this week.', [['Lee', 'said', 'he met the governor earlier this week']]],
  ['The mayor told reporters last week the plan was dead.', [['The mayor', 'told', 'the plan was dead']]],
  // GIVEN a subjectless "asked" and a question THEN the question is reported speech with no speaker, and
  // the opening phrase is no part of the answer's attribution.
  [
    'Asked whether he would run again, Lee said he had not decided.',
    [[null, 'Asked', 'whether he would run again'], ['Lee', 'said', 'he had not decided']],
  ],
  [
    'When asked about the new stadium, the mayor replied: "We cannot afford it."',
    [[null, 'asked', 'the new stadium'], ['the mayor', 'replied', 'We cannot afford it']],
  ],
  ['"Of course I would," Kim said when asked whether she would sign the bill.', [['Kim', 'said', 'Of course I would'], [null, 'asked', 'whether she would sign the bill']]],
  // ... and the one-word answer after it is reported speech of its own.
  ['Asked if the plan is "realistic enough to pass," most of the voters said yes.', [[null, 'Asked', 'if the plan is "realistic enough to pass'], ['most of the voters', 'said', 'yes']]],
  // A request's infinitive is no question.
  ['She was asked to give a talk to the board about her research on the river.', []],
  // GIVEN "X asked (someone) whether/if/wh-" THEN the question is X's.
  ['Lee asked the mayor whether the plan would work.', [['Lee', 'asked', 'whether the plan would work']]],
  ['A reporter asked Kim how she was feeling on election day.', [['A reporter', 'asked', 'how she was feeling on election day']]],
  // GIVEN an inverted cue and the speaker's appositive THEN the appositive is no content.
  [
    '"We are thrilled" about the ruling, said Ann Moro, executive director of the tenants union, a group that has fought the plan.',
    [['Ann Moro', 'said', '"We are thrilled" about the ruling']],
  ],
  // ... and a middle attribution goes on after it, also with a name.
  ['The plan, said Ann Lee, a planner in the city, will fail within a year.', [['Ann Lee', 'said', 'The plan | will fail within a year']]],
  [
    'Rather than pay more each year, said Ann Lee, head of finance at the mill, Acme wants the tax frozen.',
    [['Ann Lee', 'said', 'Rather than pay more each year | Acme wants the tax frozen']],
  ],
  ["And the mayor, said Kim, who knows him well, doesn't forgive anyone.", [['Kim', 'said', "And the mayor | doesn't forgive anyone"]]],
  // GIVEN a title-case headline with a present-tense cue after a name THEN the rest of the line is the name's.
  ['Mayor Ann Lee Says The Ferry Will Run All Winter', [['Mayor Ann Lee', 'Says', 'The Ferry Will Run All Winter']]],
  ['Ann Lee Warns Of Deep Cuts To The Bus Service', [['Ann Lee', 'Warns', 'Of Deep Cuts To The Bus Service']]],
  // A noun-like cue in a headline is a noun ("Claims", "Reports").
  ['Ann Lee Claims Victory In The County Race', []],
  // GIVEN a dash-enclosed insertion between the subject and the cue THEN the subject speaks.
  ['Dana Cole — a nurse from the east side — says she will vote for the levy.', [['Dana Cole', 'says', 'she will vote for the levy']]],
  // GIVEN a restrictive relative clause ("NOUN who say") THEN the antecedent speaks.
  ['The plan angered business owners who say the tax will close their shops.', [['business owners who', 'say', 'the tax will close their shops']]],
  // ... and a later ", saying" belongs to the main clause's subject, not to the relative's.
  [
    'Lee refused to pay a builder who said he was cheated, saying, "He did poor work."',
    [['a builder who', 'said', 'he was cheated'], ['Lee', 'saying', 'He did poor work']],
  ],
  // GIVEN a number opening the clause after "says" THEN it is content.
  ['The party says 4,570 members voted by mail this year.', [['The party', 'says', '4,570 members voted by mail this year']]],
  // GIVEN a tail "told" with only its audience and a short adjunct after it THEN the sentence before is the content.
  ['The plan is dead, the mayor told her.', [['the mayor', 'told', 'The plan is dead']]],
  ['The ferry will run all winter, Ann Lee told a council panel Wednesday.', [['Ann Lee', 'told', 'The ferry will run all winter']]],
  ['The ferry will run all winter, his aide, Tad Moss, told The Valley Post.', [['Tad Moss', 'told', 'The ferry will run all winter']]],
  // GIVEN a verbless phrase opening the sentence and a name in apposition THEN the name speaks ("told X" is its audience, never an inverted subject).
  ['One member not on the board, Kelly Moss, told the paper she would vote no.', [['Kelly Moss', 'told', 'she would vote no']]],
  ['The director of the River Museum, Ann Lee, said the roof would be fixed.', [['Ann Lee', 'said', 'the roof would be fixed']]],
  // GIVEN a noun cue put out by a verb ("issued a warning that") THEN the verb's subject owns it.
  ['The mayor issued a warning that the bridge would close in May.', [['The mayor', 'warning', 'the bridge would close in May']]],
  // ... a plural possessive owns it too.
  ['The council backed the judges\u2019 statement that the ruling must stand.', [['the judges\u2019', 'statement', 'the ruling must stand']]],
  // A word after a preposition is no verb that ends the noun cue's clause ("in states across ...").
  [
    'The poll bolstered her argument that she is liked in towns along the coast, not only at home.',
    [['her', 'argument', 'she is liked in towns along the coast, not only at home']],
  ],
  // GIVEN a passive report inside a relative clause, or "as reported by" after an attribution of its own THEN the outlet only relays it.
  ['"The rules were bent," Ann Lee wrote in a memo, which the Harbor Ledger was the first to report.', [['Ann Lee', 'wrote', 'The rules were bent']]],
  ['"We will try again," Kim noted in an interview, as reported by the Valley Post.', [['Kim', 'noted', 'We will try again']]],
  // ... while a plain passive report still credits the outlet.
  ['The mill will close in May, as first reported by the Harbor Ledger.', [['the Harbor Ledger', 'as first reported by', 'The mill will close in May']]],
  // GIVEN ", saying" after an "as" clause THEN that clause's subject speaks; after an "after" clause the main subject does.
  [
    'It was a strong week for the party, as Kim echoed the charge, saying the tax would never pass.',
    [['Kim', 'saying', 'the tax would never pass']],
  ],
  [
    'Lee apologized for the posts after they surfaced, saying they were old and no longer her views.',
    [['Lee', 'saying', 'they were old and no longer her views']],
  ],
  // GIVEN a document or body speaking through ", which" THEN it is the speaker; a place that "votes" is no cue's subject.
  ['The release linked to the county report, which notes, "Half the roads need repair within five years."', [['the county report, which', 'notes', 'Half the roads need repair within five years']]],
  ['The council backed the plan, which says that fees will rise.', [['the plan, which', 'says', 'fees will rise']]],
  ['They flew to Ohio, which votes in May.', []],
];

describe('reported speech: noun "state", opening adverbials before a tail cue', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = extractQuotes(text).map((q) => [q.speaker, q.cue, q.fragments.map((f) => text.slice(f.start, f.end)).join(' | ')]);
    expect(got).toEqual(expected);
  });
});
