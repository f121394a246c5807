import { notBuiltYet } from '../not-built';

export default notBuiltYet(
  'ask',
  'Answer a question from an article',
  `lede ask "<question>" <file|url|->
lede ask --jsonl`,
  'question answering',
);
