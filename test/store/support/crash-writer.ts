/** Run by crash.test.ts: add articles as fast as possible, printing each index once it is committed. */
import { articleIdOf } from '../../../src/article/model';
import { openStores, type StoreTarget } from '../../../src/store/open';

const target = JSON.parse(process.argv[2]!) as StoreTarget;
const stores = await openStores(target);
for (let k = 0; k < 1_000_000; k++) {
  const text = `Article body number ${k}. ${'. '.repeat(200)}`;
  await stores.articles.insert('g', { article: { id: articleIdOf(text), title: `T${k}`, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] }, slug: `t${k}` });
  process.stdout.write(`${k}\n`);
}
