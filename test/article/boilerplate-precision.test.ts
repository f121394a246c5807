import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { BOILERPLATE_RULES, matchBoilerplate, separateBoilerplate, TRAILER_INTRO } from '../../src/article/boilerplate';

/** Index of the last of `count` paragraphs: where 'end' rules apply. */
const atEnd = (line: string, count = 10) => matchBoilerplate(line, count - 1, count)?.name;
/** A paragraph in the middle of a long article: only 'any' rules apply. */
const inMiddle = (line: string) => matchBoilerplate(line, 5, 12)?.name;

describe('page leftovers that are not the article (precision rules)', () => {
  it.each([
    ['Dana Whitfield is a reporter for the Harbor Gazette covering ports and shipping.', 'author-bio'],
    ['Omar Haddad covers city hall. Before joining the Gazette, he wrote about schools for ten years.', 'author-bio'],
    ['Lena Sorensen is the author of The Quiet Orchard.', 'author-bio'],
    ['About the Author', 'author-bio'],
    ['Pat Quinlan is on Twitter at patquinlan.', 'social-handle'],
    ['Questions for the desk? Follow her on Twitter @rivera_desk for updates.', 'social-handle'],
    ['Ines Moreau in Lyon contributed to this report.', 'contributed'],
    ['Reporting by Tom Aldous; Editing by Kay Brandt', 'contributed'],
    ['This article originally appeared on The Harbor Review.', 'originally-published'],
    ['This story was republished with permission from Field Notes.', 'originally-published'],
    ['A version of this article appears in print on March 3, 2024, Section B, Page 4.', 'originally-published'],
    ['Tides, Rising. Order Reprints | Today’s Paper | Subscribe', 'print-edition'],
    ['Spotted an error? Tell the desk and we will fix it.', 'error-report'],
    ['[Editor: Wen Li]', 'editor-credit'],
    ['Field Guides: our series on the birds of the estuary. Check it out here.', 'promo-here'],
    ['Top photo by Ruth Keller', 'photo-by'],
    ['Photos by Ana Diaz (Stockhouse), Lee Park, Jo Ames', 'photo-by'],
  ])('GIVEN %j at the end THEN rule %s', (line, rule) => {
    expect(atEnd(line)).toBe(rule);
  });

  it.each([
    ['Photo', 'media-label'],
    ['Image', 'media-label'],
    ['Play Video', 'media-label'],
    ['Gallery: Harbor lights | 12 Photos', 'media-label'],
    ['Learn more', 'page-controls'],
    ['Reply', 'page-controls'],
    ['Continue reading the main story', 'page-controls'],
    ['Next page: Weather>>', 'page-controls'],
    ['Was this article helpful?', 'page-controls'],
    ['Reuse content', 'page-controls'],
    ['48 comments', 'comment-count'],
    ['Comments (12)', 'comment-count'],
    ['Leave a comment', 'comment-count'],
    ['View all 9 comments', 'comment-count'],
    ['Powered by RateTable.com', 'sponsor'],
    ['Promoted By Linkstream', 'sponsor'],
    ['[The morning briefing: Get Harbor Today in your inbox.]', 'inbox-promo'],
    ['Get the week’s best stories delivered to your inbox every Sunday.', 'inbox-promo'],
    ['Towns are changing fast. Keep up with the Harbor Daily newsletter.', 'subscribe'],
  ])('GIVEN %j anywhere THEN rule %s', (line, rule) => {
    expect(inMiddle(line)).toBe(rule);
  });

  it.each([
    // article text that merely mentions newsletters, sharing, comments, photos, reporters, reports
    ['The newsletter, which she started in 2019, now reaches 40,000 readers every week.'],
    ['Members share the harvest with neighbours, and the rest goes to the food bank.'],
    ['Share prices fell 4% after the announcement.'],
    ['The mayor declined to comment on the photo, which showed the flooded tunnel.'],
    ['Comments from residents were mostly positive, the council said.'],
    ['The photographer, who took the image from a boat, said the light was perfect.'],
    ['Get ready for a wet weekend, forecasters said on Friday.'],
    ['Next year the school will open a second campus.'],
    ['Image rights are at the heart of the dispute.'],
    ['Powered by two electric motors, the ferry crosses the bay in twelve minutes.'],
    ['Reply cards were sent to every household in March.'],
  ])('GIVEN body text %j anywhere THEN no rule matches', (line) => {
    expect(inMiddle(line)).toBeUndefined();
    expect(atEnd(line)).toBeUndefined();
  });

  it.each([
    // end-only rules leave the same words alone in the middle of a story
    ['Dana Whitfield is a reporter for the Harbor Gazette covering ports and shipping.'],
    ['Ines Moreau in Lyon contributed to this report.'],
    ['This article originally appeared on The Harbor Review.'],
    ['Top photo by Ruth Keller'],
  ])('GIVEN %j in the middle THEN it stays', (line) => {
    expect(inMiddle(line)).toBeUndefined();
  });

  it.each([
    ['The harbor master is a former reporter who still reads every tide table, and she said the new rules would not change much for the fishing fleet.'],
    ['He said the agency contributed to this report on coastal erosion, which was published in May, and that more funding would follow next year after the review.'],
    ['She is the editor of the school paper.'],
    ['Photos by amateur astronomers show the comet’s tail clearly, and the observatory has asked for more of them before the comet fades next month.'],
  ])('GIVEN a closing paragraph of the story %j THEN it stays even at the end', (line) => {
    expect(atEnd(line)).toBeUndefined();
  });

  it('every new rule has a reason and a length limit', () => {
    for (const rule of BOILERPLATE_RULES) {
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.maxLength).toBeLessThanOrEqual(500);
    }
  });
});

describe('trailer lists: an intro near the end and the short lines after it', () => {
  const story = ['The ferry resumed service on Monday after a week of storms.', 'Repairs to the pier will take until June, the port said.', 'Commuters were relieved.'];

  it('GIVEN "More about:" then tags THEN the intro and the tags leave the body', () => {
    const split = separateBoilerplate([...story, 'More about:', 'Ferries', 'Storms']);
    expect(split.body).toEqual(story);
    expect(split.boilerplate).toEqual(['More about:', 'Ferries', 'Storms']);
  });

  it('GIVEN "Read more:" then headlines THEN they all leave the body', () => {
    const split = separateBoilerplate([...story, 'Read more:', 'Pier repairs to cost $2 million', 'Why the storms hit harder this year']);
    expect(split.boilerplate).toEqual(['Read more:', 'Pier repairs to cost $2 million', 'Why the storms hit harder this year']);
  });

  it('GIVEN a closing section with sentences after a "Related" heading THEN the sentences stay', () => {
    const paragraphs = [...story, 'Related', 'The port will publish its repair plan next week.'];
    expect(separateBoilerplate(paragraphs).body).toEqual([...story, 'The port will publish its repair plan next week.']);
  });

  it('GIVEN a list intro far from the end THEN nothing after it is touched', () => {
    const long = [...story, 'Topics', ...Array.from({ length: 9 }, (_, i) => `Section ${i}`)];
    expect(separateBoilerplate(long).boilerplate).toEqual([]);
  });

  it('TRAILER_INTRO matches intros only', () => {
    expect(['More about:', 'Related stories', 'Tags', 'You might also like', 'More from Harbor Gazette'].every((l) => TRAILER_INTRO.test(l))).toBe(true);
    expect(['More about the pier', 'Tags were attached to the birds.'].some((l) => TRAILER_INTRO.test(l))).toBe(false);
  });
});

describe('the rules on a whole page', () => {
  it('GIVEN a story with a media label, a newsletter box, a bio and a reprint note THEN only the story is the body', () => {
    const html = `<!doctype html><html><head><title>Ferry back after storms</title></head><body><article>
      <h1>Ferry back after storms</h1>
      <p>Photo</p>
      <p>The ferry resumed service on Monday after a week of storms that closed the harbor to all traffic.</p>
      <p>Towns are changing fast. Keep up with the Harbor Daily newsletter.</p>
      <p>Repairs to the pier will take until June, the port said, and the newsletter it sends to commuters will carry weekly updates.</p>
      <p>Commuters said they would share the cost of a temporary shuttle if the repairs ran late.</p>
      <p>This article originally appeared on The Harbor Review.</p>
      <p>Dana Whitfield is a reporter for the Harbor Gazette covering ports and shipping.</p>
    </article></body></html>`;
    const a = parseArticle({ content: html, source: 'ferry.html', format: 'html' });
    expect(a.text.split('\n\n')).toEqual([
      'The ferry resumed service on Monday after a week of storms that closed the harbor to all traffic.',
      'Repairs to the pier will take until June, the port said, and the newsletter it sends to commuters will carry weekly updates.',
      'Commuters said they would share the cost of a temporary shuttle if the repairs ran late.',
    ]);
    expect(a.boilerplate).toEqual([
      'Photo',
      'Towns are changing fast. Keep up with the Harbor Daily newsletter.',
      'This article originally appeared on The Harbor Review.',
      'Dana Whitfield is a reporter for the Harbor Gazette covering ports and shipping.',
    ]);
  });

  it('stays fast on long hostile paragraphs at the end', () => {
    const hostile = ['Ann Bee '.repeat(20_000), 'is on twitter at '.repeat(20_000), `[${'newsletter '.repeat(20_000)}`, 'Read more:', 'x'.repeat(100_000)];
    const t0 = performance.now();
    separateBoilerplate(hostile);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
