/** The article loader the feed tests use: the real `parseArticle` from src/article. */
import { parseArticle } from '../../../src/article/index';
import type { MakeArticle } from '../../../src/feeds/full-text';

export const makeArticle: MakeArticle = (input) => parseArticle(input);
