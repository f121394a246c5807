import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics';

/** The sample lines of one metric family (its name, or name_bucket/_sum/_count), without HELP and TYPE. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((l) => !l.startsWith('#') && (l.startsWith(`${name}{`) || l.startsWith(`${name} `)));
}

describe('metrics', () => {
  it('GIVEN interactions observed THEN counted by kind, command, outcome and code, first responses in the histogram', async () => {
    const m = createMetrics();
    m.interaction({ kind: 'command', command: 'summary', outcome: 'ok', firstResponseMs: 12 });
    m.interaction({ kind: 'command', command: 'summary', outcome: 'ok', firstResponseMs: 800 });
    m.interaction({ kind: 'command', command: 'summary', outcome: 'refused', code: 'RATE_LIMITED', firstResponseMs: 2 });
    m.interaction({ kind: 'autocomplete', command: 'quotes', outcome: 'ok' });
    const text = await m.text();
    expect(samples(text, 'lede_interactions_total')).toEqual([
      'lede_interactions_total{kind="command",command="summary",outcome="ok",code=""} 2',
      'lede_interactions_total{kind="command",command="summary",outcome="refused",code="RATE_LIMITED"} 1',
      'lede_interactions_total{kind="autocomplete",command="quotes",outcome="ok",code=""} 1',
    ]);
    expect(samples(text, 'lede_interaction_first_response_seconds_bucket')).toEqual([
      ['0.001', 0], ['0.0025', 1], ['0.005', 1], ['0.01', 1], ['0.025', 2], ['0.05', 2], ['0.1', 2], ['0.25', 2],
      ['0.5', 2], ['0.75', 2], ['1', 3], ['1.5', 3], ['2', 3], ['2.5', 3], ['3', 3], ['+Inf', 3],
    ].map(([le, n]) => `lede_interaction_first_response_seconds_bucket{le="${le}",kind="command",command="summary"} ${n}`));
    expect(samples(text, 'lede_interaction_first_response_seconds_sum')).toEqual([`lede_interaction_first_response_seconds_sum{kind="command",command="summary"} ${0.012 + 0.8 + 0.002}`]);
    expect(samples(text, 'lede_interaction_first_response_seconds_count')).toEqual(['lede_interaction_first_response_seconds_count{kind="command",command="summary"} 3']);
  });

  it('GIVEN feed polls, ingested articles, digests and announcements THEN each counter holds exactly what was recorded', async () => {
    const m = createMetrics();
    for (const outcome of ['ok', 'ok', 'not-modified', 'primed'] as const) m.feedPoll({ outcome });
    m.feedPoll({ outcome: 'failed', errorCode: 'FETCH_TIMEOUT' });
    m.feedPoll({ outcome: 'failed', errorCode: 'FETCH_TIMEOUT' });
    m.feedPoll({ outcome: 'failed' });
    m.articlesIngested('feed', 7);
    m.articlesIngested('member');
    m.digestRun({ outcome: 'sent', latenessMs: 400 });
    m.digestRun({ outcome: 'sent', latenessMs: 95_000 });
    m.digestRun({ outcome: 'already-claimed' });
    m.digestRun({ outcome: 'failed' });
    m.announcement('sent', 3);
    m.announcement('failed');
    const text = await m.text();
    expect(samples(text, 'lede_feed_polls_total')).toEqual([
      'lede_feed_polls_total{outcome="ok"} 2',
      'lede_feed_polls_total{outcome="not-modified"} 1',
      'lede_feed_polls_total{outcome="primed"} 1',
      'lede_feed_polls_total{outcome="failed"} 3',
    ]);
    expect(samples(text, 'lede_feed_poll_failures_total')).toEqual([
      'lede_feed_poll_failures_total{code="FETCH_TIMEOUT"} 2',
      'lede_feed_poll_failures_total{code="FEED_POLL_FAILED"} 1',
    ]);
    expect(samples(text, 'lede_articles_ingested_total')).toEqual(['lede_articles_ingested_total{origin="feed"} 7', 'lede_articles_ingested_total{origin="member"} 1']);
    expect(samples(text, 'lede_digests_total')).toEqual([
      'lede_digests_total{outcome="sent"} 2',
      'lede_digests_total{outcome="already-claimed"} 1',
      'lede_digests_total{outcome="failed"} 1',
    ]);
    expect(samples(text, 'lede_digest_lateness_seconds_bucket').filter((l) => /le="(0\.5|60|120|\+Inf)"/.test(l))).toEqual([
      'lede_digest_lateness_seconds_bucket{le="0.5"} 1',
      'lede_digest_lateness_seconds_bucket{le="60"} 1',
      'lede_digest_lateness_seconds_bucket{le="120"} 2',
      'lede_digest_lateness_seconds_bucket{le="+Inf"} 2',
    ]);
    expect(samples(text, 'lede_digest_lateness_seconds_sum')).toEqual(['lede_digest_lateness_seconds_sum 95.4']);
    expect(samples(text, 'lede_announcements_total')).toEqual(['lede_announcements_total{outcome="sent"} 3', 'lede_announcements_total{outcome="failed"} 1']);
  });

  it('GIVEN the last bucket at 30 minutes THEN digest lateness is measured up to it, and Discord’s 3 s closes the first-response buckets', async () => {
    const text = await createMetrics().text();
    expect(text).toContain('# TYPE lede_digest_lateness_seconds histogram');
    const m = createMetrics();
    m.digestRun({ outcome: 'sent', latenessMs: 1_800_000 });
    m.interaction({ kind: 'command', command: 'x', outcome: 'ok', firstResponseMs: 3000 });
    const after = await m.text();
    expect(samples(after, 'lede_digest_lateness_seconds_bucket').at(-2)).toBe('lede_digest_lateness_seconds_bucket{le="1800"} 1');
    expect(samples(after, 'lede_interaction_first_response_seconds_bucket').slice(-3)).toEqual([
      'lede_interaction_first_response_seconds_bucket{le="2.5",kind="command",command="x"} 0',
      'lede_interaction_first_response_seconds_bucket{le="3",kind="command",command="x"} 1',
      'lede_interaction_first_response_seconds_bucket{le="+Inf",kind="command",command="x"} 1',
    ]);
  });

  it('GIVEN readers registered THEN the gauges are read at each scrape: outbox depth and age, lease holders, shards, role', async () => {
    let now = 1_000_000;
    const m = createMetrics({ role: 'gateway', now: () => now });
    let depth: { pending: number; oldestAt?: number } = { pending: 4, oldestAt: now - 90_000 };
    let holders = [{ holder: 'w1', feeds: 5 }, { holder: 'w2', feeds: 2 }];
    let shards = [0, 1];
    m.readOutboxDepth(async () => depth);
    m.readLeaseHolders(async () => holders);
    m.readShards(() => shards);
    const first = await m.text();
    expect(samples(first, 'lede_role')).toEqual(['lede_role{role="gateway"} 1']);
    expect(samples(first, 'lede_outbox_pending')).toEqual(['lede_outbox_pending 4']);
    expect(samples(first, 'lede_outbox_oldest_age_seconds')).toEqual(['lede_outbox_oldest_age_seconds 90']);
    expect(samples(first, 'lede_feed_leases')).toEqual(['lede_feed_leases{holder="w1"} 5', 'lede_feed_leases{holder="w2"} 2']);
    expect(samples(first, 'lede_shards_run')).toEqual(['lede_shards_run{shard="0"} 1', 'lede_shards_run{shard="1"} 1']);

    // The next scrape shows the state then: w1 stopped (its line goes), the outbox emptied, a shard moved.
    now += 30_000;
    depth = { pending: 0 };
    holders = [{ holder: 'w2', feeds: 7 }];
    shards = [1];
    const second = await m.text();
    expect(samples(second, 'lede_outbox_pending')).toEqual(['lede_outbox_pending 0']);
    expect(samples(second, 'lede_outbox_oldest_age_seconds')).toEqual(['lede_outbox_oldest_age_seconds 0']);
    expect(samples(second, 'lede_feed_leases')).toEqual(['lede_feed_leases{holder="w2"} 7']);
    expect(samples(second, 'lede_shards_run')).toEqual(['lede_shards_run{shard="1"} 1']);
  });

  it('GIVEN no reader registered THEN no outbox, lease, shard or role line at all (not a made-up 0)', async () => {
    const text = await createMetrics().text();
    for (const name of ['lede_outbox_pending', 'lede_outbox_oldest_age_seconds', 'lede_feed_leases', 'lede_shards_run', 'lede_role']) {
      expect(text).not.toContain(name);
    }
  });

  it('GIVEN readers that fail (the database is down) THEN the scrape still succeeds, the gauges say NaN or nothing, and the failures are counted', async () => {
    const m = createMetrics();
    m.readOutboxDepth(() => Promise.reject(new Error('connection refused')));
    m.readLeaseHolders(() => {
      throw new Error('connection refused');
    });
    m.readShards(() => {
      throw new Error('not connected');
    });
    const first = await m.text();
    // prom-client writes NaN as "Nan"; Prometheus reads the value case-insensitively.
    expect(samples(first, 'lede_outbox_pending')).toEqual(['lede_outbox_pending Nan']);
    expect(samples(first, 'lede_outbox_oldest_age_seconds')).toEqual(['lede_outbox_oldest_age_seconds Nan']);
    expect(samples(first, 'lede_feed_leases')).toEqual([]);
    expect(samples(first, 'lede_shards_run')).toEqual([]);
    expect(first).toContain('process_cpu_user_seconds_total');
    // The database is back: the gauges read again, and the one failed scrape is counted once per gauge.
    m.readOutboxDepth(async () => ({ pending: 2 }));
    m.readLeaseHolders(async () => [{ holder: 'w1', feeds: 1 }]);
    m.readShards(() => [0]);
    const second = await m.text();
    expect(samples(second, 'lede_outbox_pending')).toEqual(['lede_outbox_pending 2']);
    expect(samples(second, 'lede_feed_leases')).toEqual(['lede_feed_leases{holder="w1"} 1']);
    expect(samples(second, 'lede_shards_run')).toEqual(['lede_shards_run{shard="0"} 1']);
    expect(samples(second, 'lede_scrape_errors_total').sort()).toEqual([
      'lede_scrape_errors_total{gauge="feed_leases"} 1',
      'lede_scrape_errors_total{gauge="outbox_oldest_age"} 1',
      'lede_scrape_errors_total{gauge="outbox_pending"} 1',
      'lede_scrape_errors_total{gauge="shards"} 1',
    ]);
  });

  it('GIVEN a reader registered again THEN the new one is read (one gauge, no duplicate registration)', async () => {
    const m = createMetrics();
    m.readOutboxDepth(async () => ({ pending: 1 }));
    m.readOutboxDepth(async () => ({ pending: 9 }));
    expect(samples(await m.text(), 'lede_outbox_pending')).toEqual(['lede_outbox_pending 9']);
  });

  it('GIVEN two metrics objects THEN their counts are separate and neither touches the global registry', async () => {
    const { register } = await import('prom-client');
    const a = createMetrics();
    const b = createMetrics();
    a.announcement('sent', 2);
    b.announcement('sent', 5);
    expect(samples(await a.text(), 'lede_announcements_total')).toEqual(['lede_announcements_total{outcome="sent"} 2']);
    expect(samples(await b.text(), 'lede_announcements_total')).toEqual(['lede_announcements_total{outcome="sent"} 5']);
    expect(await register.metrics()).not.toContain('lede_');
  });

  it('GIVEN the process metrics THEN they are on the same registry, in the Prometheus text format', async () => {
    const m = createMetrics();
    const text = await m.text();
    expect(m.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });
});
