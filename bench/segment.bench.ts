/**
 * Segmentation throughput: paragraphs + sentences + tokens on a ~1 MB corpus built by repeating
 * the bundled and fixture articles (every .txt/.md under data/articles and test/fixtures that
 * exists at run time), beside wink-nlp (wink-eng-lite-web-model, sentences + tokens) on the same
 * corpus in the same run. Medians of several runs; each article is segmented as its own text, as
 * the bot does.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { segment } from '../src/nlp/segment';
import { measure, report } from './harness';
import { announceCorpus, buildCorpus } from './corpus';

export async function run(): Promise<void> {
  const corpus = buildCorpus();
  if (!announceCorpus(corpus)) return;
  const { docs, chars } = corpus;

  let tokens = 0;
  let sentences = 0;
  const lede = await measure('lede', () => {
    tokens = 0;
    sentences = 0;
    for (const d of docs) {
      const seg = segment(d);
      tokens += seg.tokens.length;
      sentences += seg.sentences.length;
    }
  }, { runs: 9, warmup: 2 });

  const nlp = winkNLP(model);
  const its = nlp.its;
  let winkTokens = 0;
  const wink = await measure('wink-nlp', () => {
    winkTokens = 0;
    for (const d of docs) {
      const doc = nlp.readDoc(d);
      doc.sentences().out(its.span);
      winkTokens += doc.tokens().length();
    }
  }, { runs: 5, warmup: 1 });

  const mbps = (ms: number): number => chars / 1e6 / (ms / 1000);
  const ledeMBps = mbps(lede.medianMs);
  const winkMBps = mbps(wink.medianMs);
  report('lede: paragraphs+sentences+tokens', `${ledeMBps.toFixed(2)} MB/s`, `median ${lede.medianMs.toFixed(0)} ms of ${lede.runs} (range ${lede.minMs.toFixed(0)}-${lede.maxMs.toFixed(0)}); target >= 2 MB/s`);
  report('lede: tokens/s', `${((tokens / lede.medianMs) * 1000 / 1e3).toFixed(0)}k/s`, `${tokens} tokens, ${sentences} sentences`);
  report('wink-nlp: readDoc + sentences (baseline)', `${winkMBps.toFixed(2)} MB/s`, `median ${wink.medianMs.toFixed(0)} ms of ${wink.runs}`);
  report('wink-nlp: tokens/s', `${((winkTokens / wink.medianMs) * 1000 / 1e3).toFixed(0)}k/s`, `${winkTokens} tokens`);
  report('lede / wink-nlp', `${(ledeMBps / winkMBps).toFixed(1)}x`);
}
