import { describe, expect, it } from 'vitest';
import { FetchError, fetchableUrl } from '../../src/fetch';

function refusal(raw: string, redirectedFrom?: URL): FetchError {
  try {
    fetchableUrl(raw, redirectedFrom);
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error(`expected ${raw} to be refused`);
}

describe('fetchableUrl: which links are read at all', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['HTTP://Example.COM', 'http://example.com/'],
  ])('GIVEN %s THEN it is read as %s', (raw, href) => {
    expect(fetchableUrl(raw).href).toBe(href);
  });

  it.each([
    ['gopher://example.com/1', 'gopher', 'Refused to fetch gopher://example.com/1: only http and https links are read, not gopher links.'],
    ['file:///etc/passwd', 'file', 'Refused to fetch file:///etc/passwd: only http and https links are read, not file links.'],
    ['data:text/html,<p>hi</p>', 'data', 'Refused to fetch data:text/html,<p>hi</p>: only http and https links are read, not data links.'],
    ['ftp://example.com/file.txt', 'ftp', 'Refused to fetch ftp://example.com/file.txt: only http and https links are read, not ftp links.'],
    ['javascript:alert(1)', 'javascript', 'Refused to fetch javascript:alert(1): only http and https links are read, not javascript links.'],
  ])('GIVEN %s THEN FETCH_PROTOCOL naming the scheme %s', (raw, scheme, message) => {
    expect(refusal(raw)).toMatchObject({ code: 'FETCH_PROTOCOL', scheme, message });
  });

  it.each([
    ['http://alice@example.com/', 'http://example.com/'],
    ['http://alice:hunter2@example.com/a', 'http://example.com/a'],
    ['https://:hunter2@example.com/', 'https://example.com/'],
  ])('GIVEN credentials in %s THEN FETCH_CREDENTIALS, with the credentials in neither message nor url', (raw, bare) => {
    const err = refusal(raw);
    expect(err).toMatchObject({
      code: 'FETCH_CREDENTIALS',
      url: bare,
      message: `Refused to fetch ${bare}: links with a user name or password in them are refused, and the credentials were not sent anywhere.`,
    });
    expect(`${err.message} ${err.url}`).not.toMatch(/alice|hunter2/);
  });

  it('GIVEN a redirect to a link with credentials THEN the refusal names the redirect, without the credentials', () => {
    const err = refusal('//admin:hunter2@example.net/x', new URL('https://news.example/a'));
    expect(err).toMatchObject({
      code: 'FETCH_CREDENTIALS',
      url: 'https://example.net/x',
      message: 'Refused to fetch https://news.example/a redirected to https://example.net/x: links with a user name or password in them are refused, and the credentials were not sent anywhere.',
    });
  });

  it.each([
    ['not a url', '"not a url" is not a valid URL.'],
    ['news.example/a', '"news.example/a" is not a valid URL.'],
  ])('GIVEN %s THEN FETCH_BAD_URL', (raw, message) => {
    expect(refusal(raw)).toMatchObject({ code: 'FETCH_BAD_URL', message });
  });
});
