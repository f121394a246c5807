import { notBuiltYet } from '../not-built';

export default notBuiltYet(
  'quotes',
  'Key quotes with their speakers',
  `lede quotes <file|url|-> [--speaker NAME] [--json]
lede quotes --jsonl`,
  'quote extraction',
);
