/**
 * Lede reads English news: a text in another language is recognised, so an empty result can say
 * why, and Chinese and Japanese full stops end sentences. The samples are texts written for this
 * test (one news paragraph, translated).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { looksEnglish } from '../../src/nlp/language';
import { segment } from '../../src/nlp/segment';

const SAMPLES: ReadonlyArray<[string, string, boolean]> = [
  ['English', 'The mayor said the city would open the new bridge in May. "We will build it," he told reporters. The work will cost 40 million euros and take two years.', true],
  ['Spanish', 'El alcalde dijo que la ciudad abrirá el nuevo puente en mayo. "Vamos a construirlo", afirmó ante los periodistas. La obra costará 40 millones de euros y durará dos años, según el ayuntamiento.', false],
  ['French', "Le maire a déclaré que la ville ouvrira le nouveau pont en mai. « Nous allons le construire », a-t-il affirmé devant les journalistes. Les travaux coûteront 40 millions d'euros et dureront deux ans.", false],
  ['German', 'Der Bürgermeister sagte, die Stadt werde die neue Brücke im Mai eröffnen. „Wir werden sie bauen“, sagte er vor Journalisten. Die Arbeiten kosten 40 Millionen Euro und dauern zwei Jahre.', false],
  ['Italian', 'Il sindaco ha detto che la città aprirà il nuovo ponte a maggio. "Lo costruiremo", ha affermato davanti ai giornalisti. I lavori costeranno 40 milioni di euro e dureranno due anni.', false],
  ['Portuguese', 'O prefeito disse que a cidade vai abrir a nova ponte em maio. "Vamos construí-la", afirmou aos jornalistas. A obra vai custar 40 milhões de euros e vai durar dois anos.', false],
  ['Dutch', 'De burgemeester zei dat de stad de nieuwe brug in mei zal openen. "We gaan hem bouwen", zei hij tegen journalisten. Het werk kost 40 miljoen euro en duurt twee jaar.', false],
  ['Chinese', '市长说，该市将于五月开放新桥。“我们会建造它，”他对记者说。这项工程将耗资四千万欧元，历时两年。', false],
  ['Russian', 'Мэр сказал, что город откроет новый мост в мае. «Мы его построим», — сказал он журналистам. Работы обойдутся в 40 миллионов евро и продлятся два года.', false],
  ['a short English headline', 'Mayor opens bridge', true],
  ['a short Spanish headline (too short to judge)', 'El alcalde abre el puente', true],
];

describe('looksEnglish', () => {
  it.each(SAMPLES)('%s', (_name, text, english) => {
    expect(looksEnglish(segment(text))).toBe(english);
  });

  it('GIVEN the bundled seed article THEN English', () => {
    const seed = readFileSync(new URL('../../data/articles/venezuela-agrees-to-take-back-migrants.txt', import.meta.url), 'utf8');
    expect(looksEnglish(segment(seed))).toBe(true);
  });
});

describe('sentences in Chinese and Japanese', () => {
  it.each([
    ['Chinese full stops, ! and ?', '市长说：“我们同意。”他补充说，桥梁将在五月开放！你同意吗？是的。', ['市长说：“我们同意。”', '他补充说，桥梁将在五月开放！', '你同意吗？', '是的。']],
    ['Japanese full stops, half-width too', '東京都は発表した。新しい橋は五月に開く｡本当？', ['東京都は発表した。', '新しい橋は五月に開く｡', '本当？']],
    ['an English sentence after a Chinese one', '他说。The mayor agreed.', ['他说。', 'The mayor agreed.']],
  ])('%s', (_name, text, expected) => {
    const seg = segment(text);
    expect(seg.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});
