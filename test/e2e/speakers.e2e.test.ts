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
