import { notBuiltYet } from '../not-built';

export default notBuiltYet(
  'summary',
  'Extractive summary of an article',
  `lede summary <file|url|-> [--sentences N] [--json]
lede summary --jsonl [--sentences N]`,
  'summarization',
);
