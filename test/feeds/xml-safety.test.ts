import { describe, expect, it } from 'vitest';
import { assertSafeXml } from '../../src/feeds/xml-safety';

describe('assertSafeXml', () => {
  it.each([
    ['an internal entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x">]><rss/>'],
    ['an external entity (XXE)', '<!DOCTYPE r [<!entity x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>'],
    ['a parameter entity after a comment', '<!-- hi --><!DOCTYPE r [ <!ENTITY % p "x"> ]><rss/>'],
  ])('GIVEN %s in the prolog THEN FEED_XML_ENTITIES', (_label, doc) => {
    expect(() => assertSafeXml(doc)).toThrow(expect.objectContaining({ code: 'FEED_XML_ENTITIES' }));
  });

  it.each([
    ['a plain feed', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>'],
    ['a DOCTYPE without entities', '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss/>'],
    ['an article about XML that quotes <!ENTITY in its body', '<rss><channel><item><description><![CDATA[<!ENTITY a "x">]]></description></item></channel></rss>'],
    ['JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[]}'],
    ['empty text', ''],
  ])('GIVEN %s THEN it passes', (_label, doc) => {
    expect(() => assertSafeXml(doc)).not.toThrow();
  });
});
