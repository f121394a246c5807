/** Assertions on what the bot sent: every message within Discord's limits, and never a ping. */
import { expect } from 'vitest';
import type { FakeDiscord } from '../support/fake-discord';

/** The message bodies the bot sent (callbacks with data, edits, follow-ups, channel posts). */
export function sentMessages(fake: FakeDiscord): any[] {
  const out: any[] = [];
  for (const c of fake.calls) {
    if (c.method === 'POST' && c.path.endsWith('/callback') && c.body?.data && (c.body.type === 4 || c.body.type === 7)) out.push(c.body.data);
    else if ((c.method === 'PATCH' || c.method === 'POST') && c.path.startsWith('/webhooks/') && c.body) out.push(c.body);
    else if (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) out.push(c.body);
  }
  return out;
}

export function expectWithinLimits(msg: any): void {
  expect((msg.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = msg.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      total += f.name.length + f.value.length;
    }
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect((msg.components ?? []).length).toBeLessThanOrEqual(5);
  for (const row of msg.components ?? []) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) if (b.custom_id) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  }
}

/** Every message the bot sent pings nobody: allowed_mentions parses nothing. */
export function expectNoPings(fake: FakeDiscord): void {
  for (const m of sentMessages(fake)) {
    expect(m.allowed_mentions, JSON.stringify(m).slice(0, 200)).toBeDefined();
    expect(m.allowed_mentions.parse).toEqual([]);
    expect(m.allowed_mentions.replied_user ?? false).toBe(false);
  }
}

/**
 * The end of a bot e2e file: everything the bot sent pinged no one and fit Discord's limits; then
 * the bot and its fake Discord are closed. A harness that never started is skipped.
 */
export async function closeChecked(h: { readonly fake: FakeDiscord; close(): Promise<void> } | undefined): Promise<void> {
  if (!h) return;
  expectNoPings(h.fake);
  for (const m of sentMessages(h.fake)) expectWithinLimits(m);
  await h.close();
}
