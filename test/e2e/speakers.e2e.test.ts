/**
 * Speakers as a reader meets them, through the real bot against the fake Discord: a role named
 * only by its title ("the mayor") is a speaker like any other (credited in digests, filterable in
 * /quotes and /whosaid, suggested by autocomplete), and reported speech in a digest is not shown
 * as a quotation.
 */
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness';
import { opt } from '../support/fake-discord';
import { addText, botPerFile, userFactory } from '../support/bot-per-file';

let h: Harness;
const someone = userFactory(470000000000000000n, 'reader');

botPerFile((started) => (h = started));

const FERRY =
  'The harbour council met on Thursday evening to discuss the ferry timetable for the coming winter. The mayor said the night ferry would run every hour from November until the end of March. Residents welcomed the decision after a long campaign.';

describe('a digest entry’s quote', () => {
  it('GIVEN an article whose only speaker is "the mayor", in reported speech THEN the preview credits the mayor, without quote marks', async () => {
    const added = await addText(h, someone(), FERRY, 'Night ferry returns');
    expect(added.body.content ?? '').toContain('added an article');
    const a = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'preview', user: someone() }));
    const entry = (a.body.embeds as Array<{ description: string }>)
      .flatMap((e) => e.description.split('\n\n'))
      .find((b) => b.startsWith('**Night ferry returns**'));
    expect(entry?.split('\n').at(-1)).toBe('> the night ferry would run every hour from November until the end of March — The mayor · reported speech');
  });
});

describe('a role named without a name ("the mayor")', () => {
  const BRIDGE =
    'The city council met on Monday to approve the new bridge over the river. "We are ready for the crowds on the opening day," the mayor said after the vote. President Donald Trump said the plan was "a great success for everyone involved". Engineers will inspect the site next week.';

  it('GIVEN /quotes speaker:The mayor THEN the mayor’s quotes, like any speaker’s', async () => {
    await addText(h, someone(), BRIDGE, 'Bridge vote');
    const a = await h.fake.answer(h.fake.slash({ name: 'quotes', options: [opt.string('article', 'bridge vote'), opt.string('speaker', 'The mayor')], user: someone() }));
    expect(a.ephemeral).toBe(false);
    expect(a.body.embeds[0].author.name).toBe('Quotes by The mayor');
    expect(a.body.embeds[0].description).toBe('Pasted text\n\n> “We are ready for the crowds on the opening day”\n— **the mayor** (said)');
  });

  it.each(['the mayor', 'Mayor', 'The Mayor'])('GIVEN /whosaid speaker:%s THEN what the mayor said, across articles', async (typed) => {
    const a = await h.fake.answer(h.fake.slash({ name: 'whosaid', options: [opt.string('speaker', typed)], user: someone() }));
    expect(a.ephemeral).toBe(false);
    const e = a.body.embeds[0];
    expect(e.title).toBe('What the mayor said');
    expect(e.description).toContain('2 quotes in 2 articles');
    expect(e.description).toContain('> “We are ready for the crowds on the opening day”\n— **the mayor** (said)\nin *Bridge vote*');
    expect(e.description).toContain('> the night ferry would run every hour from November until the end of March\n— **The mayor** (said) · reported speech\nin *Night ferry returns*');
  });

  it('GIVEN "mayor" typed in /whosaid speaker THEN the mayor is suggested', async () => {
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'whosaid', options: [opt.string('speaker', 'mayor', true)], user: someone() }));
    expect(cb.body.data.choices).toContainEqual({ name: 'the mayor · 2 quotes in 2 articles', value: 'the mayor' });
  });

  it.each(['president trump', 'President Donald', 'trump'])('GIVEN "%s" typed in /whosaid speaker THEN Donald Trump is suggested first', async (typed) => {
    const cb = await h.fake.callback(h.fake.autocomplete({ name: 'whosaid', options: [opt.string('speaker', typed, true)], user: someone() }));
    expect(cb.body.data.choices[0]?.value).toBe('Donald Trump');
  });
});
