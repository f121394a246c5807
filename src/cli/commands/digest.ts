/**
 * `lede digest [dir] [--json]`: the digest that would be posted for the articles in a folder
 * (default: the bundled data/articles, or ARTICLES_DIR), as readable text or as the Discord
 * messages in JSON. Same composition, summaries and quotes as the bot's daily digest.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { ArticleError, loadArticle } from '../../article';
import { ConfigError, loadConfig } from '../../config';
import { composeDigest, type DigestArticle } from '../../digest/compose';
import { nlpDigestParts } from '../../digest/parts';
import { digestToText } from '../../digest/render-text';
import { longLocalDate } from '../../digest/schedule';
import { FetchError, fetchOptionsFromConfig } from '../../fetch';
import { EXIT, type CliCommand } from '../types';

const USAGE = `lede digest [dir] [--json]

  dir      a folder of articles (.txt, .md, .html); default data/articles (ARTICLES_DIR)
  --json   the Discord messages (content + embeds) as JSON instead of text`;

/** Files read as articles, by extension. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

const command: CliCommand = {
  name: 'digest',
  summary: 'The digest for a folder of articles',
  usage: USAGE,
  async run(args, io) {
    const flags = args.filter((a) => a.startsWith('--'));
    const rest = args.filter((a) => !a.startsWith('--'));
    const unknown = flags.filter((f) => f !== '--json');
    if (unknown.length > 0 || rest.length > 1) {
      io.stderr.write(`lede digest: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'give at most one folder'}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    let config;
    try {
      config = loadConfig(io.env);
    } catch (err) {
      if (err instanceof ConfigError) {
        io.stderr.write(`lede digest: ${err.message}\n`);
        return EXIT.failure;
      }
      throw err;
    }
    const dir = rest[0] ?? config.ARTICLES_DIR;
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => ARTICLE_EXTENSIONS.has(extname(n).toLowerCase())).sort();
    } catch (err) {
      io.stderr.write(`lede digest: cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.failure;
    }
    const group = { url: resolve(dir), title: dir };
    const articles: DigestArticle[] = [];
    for (const name of names) {
      const path = join(dir, name);
      try {
        const article = await loadArticle(path, { fetch: fetchOptionsFromConfig(config) });
        const mtime = (await stat(path)).mtime.toISOString();
        articles.push({
          id: article.id,
          title: article.title,
          text: article.text,
          addedAt: mtime,
          feed: group,
          ...(article.url !== undefined && { url: article.url }),
          ...(article.siteName !== undefined && { siteName: article.siteName }),
        });
      } catch (err) {
        if (err instanceof ArticleError || err instanceof FetchError) {
          io.stderr.write(`lede digest: skipped ${path}: ${err.message} [${err.code}]\n`);
          continue;
        }
        throw err;
      }
    }
    const digest = composeDigest({ articles, parts: nlpDigestParts(), heading: `Digest · ${longLocalDate(new Date(), 'UTC')}` });
    if (!digest) {
      io.stderr.write(`lede digest: no articles in ${dir}; a digest is never empty, so there is nothing to show.\n`);
      return EXIT.ok;
    }
    io.stdout.write(flags.includes('--json') ? `${JSON.stringify(digest, null, 2)}\n` : digestToText(digest));
    return EXIT.ok;
  },
};

export default command;
