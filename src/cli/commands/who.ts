import { notBuiltYet } from '../not-built';

export default notBuiltYet(
  'who',
  'Who said what across articles',
  `lede who <NAME|"phrase"> <files...>`,
  'who-said-what',
);
