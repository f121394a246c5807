/**
 * The real bot (startBot) against the fake Discord: /digest set for the next minute posts exactly
 * one digest in that channel within that minute, silently and without pings; a restart does not
 * post it again (nor make the bundled seed article news again); /digest preview answers
 * ephemerally at any time, the seed article included on a fresh install; a channel the bot may not post
 * in gets no post and a clear status.
 *
 * Time: the bot runs on a clock shifted by under a minute, so "the next minute" is 1-2 s of real
 * time away. Nothing else is faked: the production scheduler's own timer fires the digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/digest/clock';
import { opt, PERMS, MEMBER_PERMISSIONS, type FakeDiscord } from '../support/fake-discord';
import { startHarness, type Harness } from '../support/bot-harness';
import { closeChecked } from './limits';

const SUPPRESS_NOTIFICATIONS = 1 << 12;
const EPHEMERAL = 1 << 6;

/** A clock running at real speed, shifted ahead (by under a minute) so that `align()` makes it read hh:mm:58.5 (UTC). */
class ShiftedClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  align(): void {
    this.offset = (58_500 - (Date.now() % 60_000) + 60_000) % 60_000;
  }
}

const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
const admin = { user: { id: '300000000000000001', username: 'editor' }, memberPermissions: MEMBER_PERMISSIONS | PERMS.ManageGuild };
let n = 0;
const reader = () => ({ id: String(300000000000000100n + BigInt(++n)), username: `reader${n}` });

function channelPosts(fake: FakeDiscord, channelId: string) {
  return fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
}

let h: Harness;
let clock: ShiftedClock;

beforeAll(async () => {
  clock = new ShiftedClock();
  h = await startHarness({ bot: { clock } });
  const a = await h.fake.answer(
    h.fake.slash({
      name: 'article',
      subcommand: 'add',
      user: reader(),
      options: [
        opt.string('title', 'Council extends the harbour tram line'),
        opt.string(
          'text',
          'The city council voted on Tuesday to extend the harbour tram line by four stations, ending a debate that had run for most of the decade. "This is the line people asked for when we held the first hearings," said Mayor Ana Ruiz, who had backed the plan since her campaign. Opponents argued that the cost, estimated at 240 million euros, would crowd out repairs to older lines. @everyone should read it.\n\nEngineers expect construction to begin next spring and to last about three years, with the first two stations opening in stages. Residents near the proposed depot said they welcomed the tram but worried about noise during night works.',
        ),
      ],
    }),
  );
  expect(a.body.content ?? '').toContain('added an article');
}, 20_000);

afterAll(async () => {
  await closeChecked(h);
});

describe('/digest against the fake Discord', () => {
  it('GIVEN /digest preview THEN an ephemeral preview of what the next digest holds, at any time', async () => {
    const a = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'preview', user: reader() }));
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('Preview (only you see this): **Daily digest');
    // The member's article, and the bundled seed article (data/articles) loaded at this fresh install's start.
    expect(a.body.content).toContain('· 2 new articles');
    expect(a.body.embeds.map((e: { title: string }) => e.title)).toEqual(['Added by members', 'Loaded by the bot']);
    expect(a.body.embeds[0].description).toContain('**Council extends the harbour tram line**');
    expect(a.body.embeds[0].description).toContain('— Ana Ruiz');
    expect(a.body.embeds[1].description).toContain("**Trump announces Venezuela's agreement to take back illegal migrants detained in the U.S**");
    expect(channelPosts(h.fake, h.fake.channelId)).toHaveLength(0);
  });

  it('GIVEN a member without Manage Server THEN /digest set is refused', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'digest', subcommand: 'set', user: reader(), options: [opt.channel('channel', h.fake.channelId), opt.string('time', '08:00'), opt.string('timezone', 'UTC')] }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('Manage Server');
  });

  it('GIVEN a bad time zone THEN a clear ephemeral error naming the value', async () => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'digest', subcommand: 'set', ...admin, options: [opt.channel('channel', h.fake.channelId), opt.string('time', '08:00'), opt.string('timezone', 'Mars/Olympus')] }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toContain('"Mars/Olympus" is not a known time zone');
  });

  it.each([
    ['EST', 'America/New\\_York, America/Toronto, America/Detroit'],
    ['PST', 'America/Los\\_Angeles, America/Vancouver, America/Tijuana'],
    ['CET', 'Europe/Berlin, Europe/Paris, Europe/Rome, Europe/Madrid'],
    ['US/Eastern', 'America/New\\_York'],
  ])('GIVEN timezone:%s (an abbreviation or alias) THEN refused, naming the IANA zones near it; nothing is scheduled', async (zone, near) => {
    const a = await h.fake.answer(
      h.fake.slash({ name: 'digest', subcommand: 'set', ...admin, options: [opt.channel('channel', h.fake.channelId), opt.string('time', '08:00'), opt.string('timezone', zone)] }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.body.content).toBe(
      `"${zone}" is not an IANA time zone name: an abbreviation or alias does not follow a place's summer time (EST stays UTC-5 while New York moves to UTC-4) and may mean several places. Use the place's zone, for example ${near}.`,
    );
    const status = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'status', user: reader() }));
    expect(status.body.content ?? '').not.toContain(zone);
    // No digest was ever sent here: not "since the last digest".
    expect(status.body.embeds[0].description.split('\n').at(-1)).toBe('**For the first digest:** 2 articles (none has been sent yet)');
  });

  it.each([
    ['york', ['America/New_York']],
    ['america york', ['America/New_York']],
    ['est', ['America/New_York', 'America/Toronto', 'America/Detroit']],
    ['berlin', ['Europe/Berlin']],
  ])('GIVEN "%s" typed in timezone THEN IANA zones holding the words are suggested', async (typed, first) => {
    const cb = await h.fake.callback(
      h.fake.autocomplete({ name: 'digest', subcommand: 'set', options: [opt.channel('channel', h.fake.channelId), opt.string('time', '08:00'), opt.string('timezone', typed, true)], user: reader() }),
    );
    const choices = cb.body.data.choices as Array<{ name: string; value: string }>;
    expect(choices.slice(0, first.length).map((c) => c.value)).toEqual(first);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name).toBe(c.value);
  });

  it('GIVEN "a" typed in timezone THEN at most 25 suggestions', async () => {
    const cb = await h.fake.callback(
      h.fake.autocomplete({ name: 'digest', subcommand: 'set', options: [opt.string('timezone', 'a', true)], user: reader() }),
    );
    expect(cb.body.data.choices).toHaveLength(25);
  });

  it('GIVEN /digest set for the next minute (UTC) THEN exactly one silent digest lands in that channel within that minute, and not again after a restart', async () => {
    clock.align();
    const setAt = clock.now();
    const target = new Date(Math.floor(setAt.getTime() / 60_000) * 60_000 + 60_000);
    const channelId = h.fake.channelId;
    const a = await h.fake.answer(
      h.fake.slash({ name: 'digest', subcommand: 'set', ...admin, options: [opt.channel('channel', channelId), opt.string('time', hhmm(target)), opt.string('timezone', 'UTC')] }),
    );
    expect(a.body.content).toContain(`Daily digest set: **${hhmm(target)} UTC**, daily, in <#${channelId}>. Next: `);
    // The next run in the server's zone, then a Discord timestamp each reader sees relative to now.
    expect(a.body.content).toContain(`, ${hhmm(target)} UTC (<t:${target.getTime() / 1000}:R>).`);
    const post = await h.fake.waitFor(() => channelPosts(h.fake, channelId)[0], 10_000, 'the digest post');
    const postedAt = clock.now();
    expect(postedAt.getTime()).toBeGreaterThanOrEqual(target.getTime());
    expect(postedAt.getTime()).toBeLessThan(target.getTime() + 60_000);
    expect(post.body.flags & SUPPRESS_NOTIFICATIONS).toBe(SUPPRESS_NOTIFICATIONS);
    expect(post.body.flags & EPHEMERAL).toBe(0);
    expect(post.body.allowed_mentions.parse).toEqual([]);
    expect(post.body.content).toContain('· 2 new articles');
    expect(post.body.embeds[0].description).toContain('**Council extends the harbour tram line**');
    // Ticking again, in this process, posts nothing more.
    expect(await h.bot.core.digests.scheduler.tick()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(channelPosts(h.fake, channelId)).toHaveLength(1);
    // A restart the same day does not post it again.
    h = await h.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.bot.core.digests.scheduler.tick()).toEqual([]);
    expect(channelPosts(h.fake, channelId)).toHaveLength(1);
    const s = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'status', user: reader() }));
    expect(s.body.embeds[0].description).toContain('**Last digest:** sent');
    expect(s.body.embeds[0].description).toContain('with 2 articles');
    expect(s.body.embeds[0].description).toContain('**New since the last digest:** 0 articles');
  }, 30_000);

  it('GIVEN a channel where the bot may not post THEN no post, a warning on set, and a clear status', async () => {
    const channelId = h.fake.channelId;
    // Deny the bot Embed Links and Send Messages in the channel, as a server admin would.
    h.fake.dispatch('CHANNEL_UPDATE', {
      id: channelId,
      type: 0,
      guild_id: h.fake.guild.id,
      name: 'general',
      position: 0,
      permission_overwrites: [{ id: h.fake.botUser.id, type: 1, allow: '0', deny: String(PERMS.SendMessages | PERMS.EmbedLinks) }],
    });
    await new Promise((r) => setTimeout(r, 200));
    const digests = h.bot.core.digests;
    const check = await digests.poster!.checkChannel(h.fake.guild.id, channelId);
    expect(check).toEqual({ ok: false, code: 'MISSING_PERMISSIONS', missing: ['Send Messages', 'Embed Links'] });
    const a = await h.fake.answer(
      h.fake.slash({ name: 'digest', subcommand: 'set', ...admin, options: [opt.channel('channel', channelId), opt.string('time', '00:00'), opt.string('timezone', 'Pacific/Kiritimati')] }),
    );
    expect(a.body.content).toContain('⚠️ I am missing permissions there: Send Messages, Embed Links. The digest waits until that is fixed.');
    const before = channelPosts(h.fake, channelId).length;
    // Make a run due: the schedule time has passed in its zone and it was set before it.
    const guildId = h.fake.guild.id;
    const saved = (await digests.store.schedule(guildId))!;
    const reports = await digests.scheduler.tick(new Date(saved.updatedAt + 24 * 60 * 60_000));
    expect(reports.map((r) => [r.outcome, r.reason])).toEqual([['blocked', 'MISSING_PERMISSIONS: Send Messages, Embed Links']]);
    expect(channelPosts(h.fake, channelId)).toHaveLength(before);
    const s = await h.fake.answer(h.fake.slash({ name: 'digest', subcommand: 'status', user: reader() }));
    expect(s.body.embeds[0].description).toContain('**⚠️ Could not post**');
    expect(s.body.embeds[0].description).toContain('I am missing permissions there (Send Messages, Embed Links)');
  }, 20_000);
});
