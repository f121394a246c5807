/**
 * Feed dates. RSS asks for RFC 822 dates in English ("Tue, 05 Mar 2024 09:30:00 GMT"), but many
 * publishers write day and month names in their own language ("Seg, 24 Set 2018 10:00:00 -0300").
 * `Date.parse` reads none of those, and worse, reads some of them wrongly (Spanish "Mar" for martes
 * is taken as March), so the RFC 822 shape is read here with month names in English, Portuguese,
 * Spanish, French, German, Italian and Dutch; the day name is skipped. Anything else is given to
 * `Date.parse` only when it is ISO 8601 or every word in it is English.
 */

/** Month names and abbreviations (lowercase, accents removed, trailing dots dropped) -> 0-11. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const names: ReadonlyArray<readonly string[]> = [
    ['jan', 'january', 'janeiro', 'ene', 'enero', 'janv', 'janvier', 'januar', 'jan', 'janner', 'gen', 'gennaio', 'januari'],
    ['feb', 'february', 'fev', 'fevereiro', 'febrero', 'fevr', 'fevrier', 'februar', 'febbraio', 'februari'],
    ['mar', 'march', 'marco', 'marzo', 'mars', 'mar', 'marz', 'mrz', 'maerz', 'mrt', 'maa', 'maart'],
    ['apr', 'april', 'abr', 'abril', 'avr', 'avril', 'aprile'],
    ['may', 'mai', 'maio', 'mayo', 'mag', 'maggio', 'mei'],
    ['jun', 'june', 'junho', 'junio', 'juin', 'juni', 'giu', 'giugno'],
    ['jul', 'july', 'julho', 'julio', 'juil', 'juillet', 'juli', 'lug', 'luglio'],
    ['aug', 'august', 'ago', 'agosto', 'aout', 'augustus'],
    ['sep', 'sept', 'september', 'set', 'setembro', 'septiembre', 'setiembre', 'septembre', 'settembre'],
    ['oct', 'october', 'out', 'outubro', 'octubre', 'octobre', 'okt', 'oktober', 'ott', 'ottobre'],
    ['nov', 'november', 'novembro', 'noviembre', 'novembre'],
    ['dec', 'december', 'dez', 'dezembro', 'dic', 'diciembre', 'decembre', 'dezember', 'dicembre'],
  ];
  const map = new Map<string, number>();
  names.forEach((list, month) => list.forEach((n) => map.set(n, month)));
  return map;
})();

/** Named zones seen in feeds -> offset in minutes east of UTC. Other letters are read as UTC. */
const ZONES: Readonly<Record<string, number>> = {
  gmt: 0, ut: 0, utc: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, mez: 60, west: 60, cest: 120, mesz: 120, eet: 120, eest: 180,
};

/** English words Date.parse reads as they are meant (days, months, zones, am/pm). */
const ENGLISH_WORD = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?$|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$|^(?:gmt|ut|utc|z|t|am|pm|est|edt|cst|cdt|mst|mdt|pst|pdt)$/;

/** Lowercase, accents removed, trailing dots dropped: "Févr." -> "fevr". */
function fold(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.+$/, '');
}

// [day name[,]] DD[.] [de] Month[.] [de] YYYY[,] [HH:MM[:SS]] [zone]
const RFC822_LIKE =
  /^(?:[\p{L}.]{1,16},?\s+)?(\d{1,2})\.?\s+(?:de\s+)?([\p{L}.]{3,12})\s+(?:de\s+)?(\d{4}|\d{2}),?(?:\s+(?:[aà]s\s+|um\s+|om\s+|alle\s+|a\s+las\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/u;

function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[zone.toLowerCase()] ?? 0;
}

function rfc822Like(value: string): number | undefined {
  const m = RFC822_LIKE.exec(value);
  if (!m) return undefined;
  const month = MONTHS.get(fold(m[2]!));
  if (month === undefined) return undefined;
  const day = Number(m[1]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const t = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // 31 Set rolls over to 1 Oct in Date.UTC: a day the month does not have is no date.
  if (new Date(t).getUTCDate() !== day) return undefined;
  return t - zoneOffset(m[7]) * 60_000;
}

/** A feed date as ISO 8601, or undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): string | undefined {
  const s = value?.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100) return undefined;
  let t = rfc822Like(s);
  if (t === undefined) {
    const words = s.match(/\p{L}+/gu) ?? [];
    const iso = /^\d{4}-\d{2}-\d{2}/.test(s);
    if (iso || words.every((w) => ENGLISH_WORD.test(w.toLowerCase()))) {
      const parsed = Date.parse(s);
      if (!Number.isNaN(parsed)) t = parsed;
    }
  }
  return t === undefined || !Number.isFinite(t) || Math.abs(t) > 8.64e15 ? undefined : new Date(t).toISOString();
}
