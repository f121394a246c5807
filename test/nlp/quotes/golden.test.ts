import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenView } from '../../fixtures/articles/regenerate';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'articles');
const slugs = readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory()).sort();

describe('golden articles (wire, feature with long quotes, Q&A); regenerate with test/fixtures/articles/regenerate.ts', () => {
  it('has the three styles', () => {
    expect(slugs).toEqual(['feature-river-town', 'interview-qa-librarian', 'wire-council-vote']);
  });
  it.each(slugs)('GIVEN %s THEN the attributions equal expected.json', (slug) => {
    const text = readFileSync(join(dir, slug, 'source.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, slug, 'expected.json'), 'utf8')) as unknown;
    expect(goldenView(text)).toEqual(expected);
  });
});
