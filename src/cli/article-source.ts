/**
 * The article a subcommand was given (a file, an http(s) URL, or - for stdin), loaded with the
 * config's fetch options, and the one way every subcommand reports why it could not be loaded:
 * `lede <name>: <message> [<CODE>]` on stderr for typed article and fetch errors, the message alone
 * for a bad configuration. Anything else is a bug and is rethrown.
 */
import { stat } from 'node:fs/promises';
import { ArticleError, loadArticle, type Article } from '../article';
import { ConfigError, loadConfig } from '../config';
import { FetchError, fetchOptionsFromConfig, fetchableUrl } from '../fetch';
import type { CliIo } from './types';

/** A source written as a link: a URL scheme and a colon. Two letters or more, so `C:\notes.txt` stays a path. */
const LINK_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

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
    await checkLinkSource(source);
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

/**
 * A source written as a link meets the fetcher's link rules before anything else, so `gopher://…`,
 * `file:///…` or `data:…` is refused for its scheme (FETCH_PROTOCOL) instead of looked for as a file
 * and reported missing. A file that exists under such a name is still read as a file.
 */
async function checkLinkSource(source: string): Promise<void> {
  if (!LINK_SCHEME.test(source) || (await pathExists(source))) return;
  fetchableUrl(source);
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Any other failure (permission denied, say) is the file loader's to report.
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
