import { notBuiltYet } from '../not-built';

export default notBuiltYet(
  'digest',
  'The digest for a folder of articles',
  `lede digest [dir]`,
  'the digest',
);
