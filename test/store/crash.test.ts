/**
 * A crash mid-write loses nothing committed: a child process adds articles as fast as it can and
 * is killed with SIGKILL; every article it reported as committed is there afterwards, and the
 * database passes SQLite's integrity check.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStores } from '../../src/store';

const ROOT = join(import.meta.dirname, '..', '..');

it('GIVEN a writer killed with SIGKILL THEN every committed article survives and the file is intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-crash-'));
  try {
    const db = join(dir, 'lede.db');
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `import { openStores } from ${JSON.stringify(join(ROOT, 'src/store/index.ts'))};
import { articleIdOf } from ${JSON.stringify(join(ROOT, 'src/article/model.ts'))};
const stores = openStores(${JSON.stringify(db)});
for (let k = 0; k < 1_000_000; k++) {
  const text = 'Article body number ' + k + '. '.repeat(200);
  stores.articles.insert('g', { article: { id: articleIdOf(text), title: 'T' + k, source: 'text', text, paragraphs: [{ start: 0, end: text.length }], boilerplate: [] }, slug: 't' + k });
  process.stdout.write(k + '\\n');
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        if (out.split('\n').length > 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('close', resolve));
    const committed = out.split('\n').filter(Boolean).map(Number);
    const last = committed[committed.length - 1]!;
    const stores = openStores(db);
    expect((stores.db.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]!.integrity_check).toBe('ok');
    expect(stores.articles.countOwn('g')).toBeGreaterThanOrEqual(last + 1);
    stores.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
