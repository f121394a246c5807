import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFeedDate } from '../../src/feeds/dates';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 05 Mar 2024 09:30:00 GMT', '2024-03-05T09:30:00.000Z'],
    ['Seg, 24 Set 2018 10:00:00 -0300', '2018-09-24T13:00:00.000Z'],
    ['Sex, 28 Fev 2020 10:00 -0300', '2020-02-28T13:00:00.000Z'],
    ['Mié, 03 Oct 2018 10:00:00 -0500', '2018-10-03T15:00:00.000Z'],
    // "Mar" is martes (Tuesday) here, not March: the day name is skipped, the month is "Dic".
    ['Mar, 24 Dic 2018 10:00:00 +0100', '2018-12-24T09:00:00.000Z'],
    ['24 de septiembre de 2018 10:00', '2018-09-24T10:00:00.000Z'],
    ['lun., 08 oct. 2018 09:00:00 +0200', '2018-10-08T07:00:00.000Z'],
    ['ven., 14 févr. 2020 12:00:00 +0100', '2020-02-14T11:00:00.000Z'],
    ['Di, 24 Mär 2020 08:00:00 +0100', '2020-03-24T07:00:00.000Z'],
    ['Mo, 24 Sep 2018 10:00:00 MESZ', '2018-09-24T08:00:00.000Z'],
    ['gio, 11 ott 2018 08:15:00 +0200', '2018-10-11T06:15:00.000Z'],
    ['vr, 12 okt 2018 07:00:00 +0200', '2018-10-12T05:00:00.000Z'],
    ['wo, 03 mrt 2021 07:00:00 +01:00', '2021-03-03T06:00:00.000Z'],
    ['05 Mar 24 09:30 EST', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T09:30:00+01:00', '2024-03-05T08:30:00.000Z'],
    ['Tue Mar 05 2024 09:30:00 GMT+0000', '2024-03-05T09:30:00.000Z'],
  ])('%s -> %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each([
    ['ontem à tarde'],
    ['Mar, 31 Set 2018 10:00:00'],
    ['32 Jan 2024'],
    ['24 Xyz 2018 10:00'],
    ['Mar 24 2018 ayer'],
    ['24 Sep 2018 25:00'],
    [''],
    [`${'1'.repeat(200)} Jan 2024`],
  ])('%s -> undefined', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
  });

  it('never throws and answers an ISO date or nothing', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const d = parseFeedDate(s);
      expect(d === undefined || /^[+-]?\d{4,6}-\d{2}-\d{2}T/.test(d)).toBe(true);
    }));
  });
});
