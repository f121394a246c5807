/**
 * Run by crash.test.ts: add an article (its analysis and quote rows complete), then write a long
 * newer analysis of it in steps, printing each step once committed, until the test kills it.
 */
import { loadConfig } from '../../../src/config';
import { createArticleLoader, createLibrary, loaderOptionsFromConfig } from '../../../src/library';
import { ANALYSIS_VERSION } from '../../../src/nlp/analyze';
import { openClient, openStores, type StoreTarget } from '../../../src/store/open';
import { writeAnalysis } from '../../../src/store/sql/analysis-writes';
import { CRASH_ARTICLE } from './crash-article';

const target = JSON.parse(process.argv[2]!) as StoreTarget;
const stores = await openStores(target);
const library = createLibrary({ ...stores, load: createArticleLoader(loaderOptionsFromConfig(loadConfig({}))) });
const { article } = await library.add('g', { kind: 'text', text: CRASH_ARTICLE }, 'writer');
process.stdout.write(`added ${article.id}\n`);
const sql = await openClient(target);
const quotes = Array.from({ length: 10_000 }, (_, k) => ({
  speakerKey: 'ana ruiz',
  name: 'Ana Ruiz',
  mention: null,
  mentionKey: null,
  words: ['newer', `n${k}`],
  json: JSON.stringify({ quote: `newer ${k}` }),
}));
await writeAnalysis(sql, { articleId: article.id, version: ANALYSIS_VERSION + 1, json: JSON.stringify({ filler: 'y'.repeat(2_000_000) }), quotes }, {
  onStep: (step) => void process.stdout.write(`${step.kind}\n`),
});
process.stdout.write('done\n');
