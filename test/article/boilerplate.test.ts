import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RULES, separateBoilerplate } from '../../src/article';
import { matchBoilerplate } from '../../src/article/boilerplate';
import { cpuClock } from '../support/cpu-clock';

describe('boilerplate rules', () => {
  it('every rule has a reason', () => {
    for (const rule of BOILERPLATE_RULES) expect(rule.reason.length).toBeGreaterThan(10);
  });

  it.each([
    ['Read more: Trump signs executive order', 'read-more'],
    ['READ MORE', 'read-more'],
    ['Related articles', 'read-more'],
    ['Follow us on Twitter and Facebook', 'follow-us'],
    ['Follow @newsaz on Instagram', 'follow-us'],
    ['Share on Facebook', 'share'],
    ['Share this article', 'share'],
    ['Facebook Twitter WhatsApp Email', 'share'],
    ['We use cookies to improve your experience on our site.', 'cookies'],
    ['This website uses cookies. Accept all cookies', 'cookies'],
    ['Sign up for our daily newsletter', 'subscribe'],
    ['Subscribe now for unlimited access', 'subscribe'],
    ['PUBLISHED: 12:55 EST, 1 January 2013 | UPDATED: 13:20 EST, 1 January 2013', 'published-updated'],
    ['By . Daily Mail Reporter .', 'by-dot-reporter'],
    ['Scroll down for video', 'scroll-down'],
    ['Photo: Reuters', 'image-credit'],
    ['Image credit: Getty Images', 'image-credit'],
    ['The rail yard in 1950. (Getty Images)', 'image-credit'],
    ['© AP', 'image-credit'],
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Click here to read the full report', 'click-here'],
    ['Copyright 2025 Valley Courier', 'copyright'],
  ])('GIVEN %j THEN rule %s', (line, rule) => {
    expect(matchBoilerplate(line, 0, 1)?.name).toBe(rule);
  });

  it.each([
    ['He said Venezuela agreed to supply transportation for them.'],
    ['Readers were asked to share their stories on Facebook about the floods, which destroyed homes.'],
    ['Regulators said the website uses cookies to track users across sites, and opened an inquiry into the practice that could lead to fines of up to four percent of turnover for the company and its partners, which they say knew about it for years.' + ' More text.'.repeat(30)],
    ['Follow the money, investigators said.'],
    ['"Read more books," the teacher told her class.'],
    ['By the end of the day, markets had recovered.'],
  ])('GIVEN body text %j THEN no rule matches', (line) => {
    expect(matchBoilerplate(line, 0, 1)).toBeUndefined();
  });

  it('"edge" rules only apply near the start or end', () => {
    const middle = Array.from({ length: 9 }, (_, i) => `Paragraph ${i}.`);
    middle[4] = 'Copyright 2025 Valley Courier';
    expect(separateBoilerplate(middle).boilerplate).toEqual([]);
    middle[8] = 'Copyright 2025 Valley Courier';
    expect(separateBoilerplate(middle).boilerplate).toEqual(['Copyright 2025 Valley Courier']);
  });

  it.each([
    ['News.Az', 'News.Az'],
    ['Reuters.com', 'Reuters.com'],
    ['BBC.co.uk', 'BBC.co.uk'],
  ])('GIVEN a trailing signature %j THEN siteName %j', (sig, site) => {
    const split = separateBoilerplate(['First paragraph.', 'Second paragraph.', sig]);
    expect(split).toEqual({ body: ['First paragraph.', 'Second paragraph.'], boilerplate: [sig], siteName: site });
  });

  it('a signature-shaped paragraph that is not last stays in the body', () => {
    expect(separateBoilerplate(['News.Az', 'Body text.']).body).toEqual(['News.Az', 'Body text.']);
  });

  it('stays fast on a long hostile paragraph', () => {
    const hostile = 'Read more '.repeat(100_000);
    const t0 = cpuClock();
    separateBoilerplate([hostile, hostile]);
    expect(cpuClock() - t0).toBeLessThan(1_000);
  });
});
