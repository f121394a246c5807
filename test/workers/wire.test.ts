/**
 * What crosses between threads comes back exactly: paragraph spans packed in an Int32Array, an
 * analysis and its quote rows in chunks of JSON parsed a turn at a time.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article';
import { analyzeJob, unwrapReply } from '../../src/library/jobs';
import { fromWire, fromWireAnalysis, toWire, toWireAnalysis } from '../../src/workers/wire';
import { HOSTILE_MARKDOWN, HOSTILE_TEXT } from '../support/hostile';

describe('wire', () => {
  it('GIVEN an article of 5,000 paragraphs THEN its spans travel as 10,000 integers and come back equal', () => {
    const article = parseArticle({ content: HOSTILE_MARKDOWN['list items']!(20_000), format: 'markdown', source: 'list' });
    expect(article.paragraphs).toHaveLength(5_000);
    const wire = toWire(article);
    expect(wire.paragraphs).toBeInstanceOf(Int32Array);
    expect(wire.paragraphs).toHaveLength(10_000);
    expect(fromWire(structuredClone(wire))).toEqual(article);
  });

  it('GIVEN an analysis of 2,500 quotes THEN it travels in 3 chunks of quotes and 3 of rows, and comes back equal, JSON byte for byte', async () => {
    const article = parseArticle({ content: HOSTILE_TEXT['repeated cue phrases']!(75_000), format: 'text', source: 'cues' });
    const analysed = unwrapReply(analyzeJob(article));
    expect(analysed.analysis.quotes).toHaveLength(2_500);
    const wire = toWireAnalysis(analysed);
    expect([wire.quotes.length, wire.quoteRows.length]).toEqual([3, 3]);
    const back = await fromWireAnalysis(structuredClone(wire));
    expect(back).toEqual(analysed);
    expect(back.json).toBe(JSON.stringify(analysed.analysis));
  });
});
