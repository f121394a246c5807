/**
 * The console watches ARTICLES_DIR as the bot does: an operator who saves a file into the folder
 * while the console runs finds it in the next `/article list`, and a file deleted leaves the list.
 * A real console process, its stdin a pipe the test writes command lines into.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { startConsole } from '../support/console-process';

const dir = mkdtempSync(join(tmpdir(), 'lede-console-dir-'));
const articles = join(dir, 'articles');
mkdirSync(articles);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIRST = 'Harbour ferry adds an early boat';
const SECOND = 'Night market returns to the quay';
const body = (title: string, who: string) =>
  `# ${title}\n\nThe plan was announced on Monday after a year of meetings with residents and traders. "People asked for it and we listened," said ${who}, who leads the project.\n\nIt starts in the spring and runs on weekdays.\n`;

it('GIVEN a console running over ARTICLES_DIR WHEN a file is saved there, then deleted THEN /article list shows it, then not', async () => {
  writeFileSync(join(articles, 'ferry.md'), body(FIRST, 'Lena Vogt'));
  const { child, stdout: out, stderr, exited } = startConsole({ DATABASE_PATH: join(dir, 'lede.db'), ARTICLES_DIR: articles });
  /** The reply to `/article list`: what stdout gained until its last line. */
  const list = async (): Promise<string> => {
    const from = out().length;
    child.stdin.write('/article list\n');
    // The reply ends with the retention footer line.
    for (let waited = 0; !/Feed items kept .*\n/.test(out().slice(from)) && waited < 10_000; waited += 20) await sleep(20);
    return out().slice(from);
  };
  /** `/article list` again and again until `done` holds of it (the watcher reads a file once it has stood still 500 ms). */
  const listUntil = async (done: (reply: string) => boolean): Promise<string> => {
    let reply = '';
    for (const started = Date.now(); Date.now() - started < 15_000; await sleep(250)) {
      reply = await list();
      if (done(reply)) break;
    }
    return reply;
  };

  expect(await list()).toContain(FIRST);
  writeFileSync(join(articles, 'market.md'), body(SECOND, 'Jonas Brandt'));
  const added = await listUntil((r) => r.includes(SECOND));
  expect(added).toContain(SECOND);
  expect(added).toContain(FIRST);
  unlinkSync(join(articles, 'market.md'));
  const removed = await listUntil((r) => !r.includes(SECOND));
  expect(removed).not.toContain(SECOND);
  expect(removed).toContain(FIRST);
  child.stdin.end();
  const code = await exited;
  expect(stderr()).toBe('');
  expect(code).toBe(0);
}, 60_000);
