/**
 * The article a subcommand was given (a file, an http(s) URL, or - for stdin), loaded with the
 * config's fetch options, and the one way every subcommand reports why it could not be loaded:
 * `lede <name>: <message> [<CODE>]` on stderr for typed article and fetch errors, the message alone
 * for a bad configuration. Anything else is a bug and is rethrown.
 */
import { ArticleError, loadArticle, type Article } from '../article';
import { ConfigError, loadConfig } from '../config';
import { FetchError, fetchOptionsFromConfig } from '../fetch';
import type { CliIo } from './types';

export interface CliArticleOptions {
  /** Name the source in the error line (`lede who: a.txt: ...`), for commands that read several. */
  readonly nameSource?: boolean;
}

/**
 * Load `source` for `lede <command>`; on a typed error print it and return undefined (the caller
 * exits with EXIT.failure).
 */
export async function loadCliArticle(command: string, source: string, io: CliIo, options: CliArticleOptions = {}): Promise<Article | undefined> {
  try {
    return await loadArticle(source, { fetch: fetchOptionsFromConfig(loadConfig(io.env)), stdin: io.stdin });
  } catch (err) {
    if (err instanceof ArticleError || err instanceof FetchError) {
      io.stderr.write(`lede ${command}: ${options.nameSource ? `${source}: ` : ''}${err.message} [${err.code}]\n`);
      return undefined;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`lede ${command}: ${err.message}\n`);
      return undefined;
    }
    throw err;
  }
}
