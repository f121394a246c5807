/** Slugs: the short, typeable handle of an article (`venezuela-agrees-to-take-back-migrants`). */
import { LIBRARY_LIMITS } from './limits';

/** Lower-case ASCII words joined by '-', at most `max` characters, cut at a word boundary. */
export function slugify(title: string, max: number = LIBRARY_LIMITS.maxSlugChars): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > max) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, max) ?? '') || 'article';
}
