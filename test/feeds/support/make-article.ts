/** The article loader the feed tests use: the real `parseArticle` from src/article, in this thread. */
import { parseArticle } from '../../../src/article/index';
import type { Article } from '../../../src/article/model';
import type { ArticleInput, MakeArticle } from '../../../src/feeds/full-text';

export const makeArticle = ((input: ArticleInput): Article => parseArticle(input)) satisfies MakeArticle;
