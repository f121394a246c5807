/**
 * Boilerplate: lines that are about the page, not the story ("Read more", "Follow us on X", share and
 * cookie lines, a trailing "News.Az" signature...). They are moved out of the body into
 * `Article.boilerplate`, so summaries and quotes never pick them, and nothing is silently lost.
 *
 * Rules are data: each has a pattern over one normalized paragraph, where it may occur, and why.
 * Patterns are anchored, use bounded quantifiers and no nested repetition (linear on hostile text),
 * and only ever match short paragraphs, so a real paragraph that merely mentions cookies stays.
 */

export interface BoilerplateRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** 'any': anywhere in the body; 'edge': only among the first or last paragraphs. */
  readonly where: 'any' | 'edge';
  /** Longest paragraph (characters) the rule may remove. */
  readonly maxLength: number;
  readonly reason: string;
}

/** How many paragraphs from either end count as the "edge" of an article. */
const EDGE_PARAGRAPHS = 3;

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: 'read-more',
    pattern: /^(?:read more|read also|also read|read next|related(?: articles| stories| coverage)?|see also|more on this|recommended|most read|you may also like|trending)\b[\s\S]{0,200}$/i,
    where: 'any',
    maxLength: 200,
    reason: 'links to other stories inserted between or after paragraphs',
  },
  {
    name: 'follow-us',
    pattern: /^follow (?:us|@[\w.]{1,40}|[\p{L}\p{N} .]{1,40}) on\b[\s\S]{0,160}$/iu,
    where: 'any',
    maxLength: 200,
    reason: 'social-media promotion ("Follow us on Twitter")',
  },
  {
    name: 'share',
    pattern: /^(?:share(?: this(?: article| story| post)?)?(?: on| via)?|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|x)(?:[\s,|·:/]{1,4}(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|reddit|pinterest|telegram|messenger|print|copy link|comments?))*[\s.:]{0,3}$/i,
    where: 'any',
    maxLength: 120,
    reason: 'share buttons flattened into text',
  },
  {
    name: 'cookies',
    pattern: /^[\s\S]{0,200}\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|manage (?:your )?cookies)\b[\s\S]{0,300}$/i,
    where: 'any',
    maxLength: 500,
    reason: 'cookie consent banners',
  },
  {
    name: 'subscribe',
    pattern: /^(?:subscribe|sign up|register|join)(?: now| today| here)?(?: to| for)\b[\s\S]{0,160}$|^[\s\S]{0,80}\bnewsletter\b[\s\S]{0,80}\b(?:sign up|subscribe|inbox)\b[\s\S]{0,80}$/i,
    where: 'any',
    maxLength: 250,
    reason: 'newsletter and subscription prompts',
  },
  {
    name: 'published-updated',
    pattern: /^(?:\|\s?)?\.?\s?published:\s[\s\S]{1,80}\bupdated:\s[\s\S]{1,80}$/i,
    where: 'edge',
    maxLength: 200,
    reason: 'Daily Mail style timestamps ("PUBLISHED: 12:00, 1 May 2014 | UPDATED: ...")',
  },
  {
    name: 'by-dot-reporter',
    pattern: /^by \.\s[^.]{1,80}\s\.$/i,
    where: 'edge',
    maxLength: 100,
    reason: 'Daily Mail bylines as flattened in the CNN/DailyMail corpus ("By . Daily Mail Reporter .")',
  },
  {
    name: 'scroll-down',
    pattern: /^scroll down for (?:video|more|the latest)\b[\s\S]{0,40}$/i,
    where: 'any',
    maxLength: 60,
    reason: 'video teasers ("Scroll down for video")',
  },
  {
    name: 'image-credit',
    pattern: /^\(?(?:photo|image|picture|photograph|graphic|video|credit|source)s?(?: credit| by| courtesy(?: of)?)?\s?[:©]\s?[\s\S]{1,120}$|^[\s\S]{0,80}\((?:getty images|ap photo|reuters|afp|epa|shutterstock)[^)]{0,60}\)\.?$|^(?:©|\(c\))\s?[\s\S]{1,100}$/i,
    where: 'any',
    maxLength: 200,
    reason: 'image credits and captions ("Photo: Reuters", "(Getty Images)", "© AP")',
  },
  {
    name: 'advertisement',
    pattern: /^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?)\.?$/i,
    where: 'any',
    maxLength: 60,
    reason: 'ad slot labels left in the text',
  },
  {
    name: 'click-here',
    pattern: /^click here\b[\s\S]{0,120}$/i,
    where: 'any',
    maxLength: 140,
    reason: 'link prompts ("Click here to read the full report")',
  },
  {
    name: 'copyright',
    pattern: /^(?:copyright\b|all rights reserved)[\s\S]{0,160}$|^[\s\S]{0,120}\ball rights reserved\.?$/i,
    where: 'edge',
    maxLength: 200,
    reason: 'copyright footers',
  },
];

/**
 * A trailing site signature: one short token shaped like a site name with a dot-suffix ("News.Az",
 * "Reuters.com"), as the last paragraph. Recorded as the article's site name.
 */
const SITE_SIGNATURE = /^[\p{L}\p{N}][\p{L}\p{N}&'-]{0,30}(?:\.[\p{L}]{2,12}){1,2}$/u;

export interface BoilerplateSplit {
  readonly body: string[];
  readonly boilerplate: string[];
  /** The site named by a trailing signature ("News.Az"), when there is one. */
  readonly siteName?: string;
}

/** The rule that matches a paragraph at position `index` of `count`, if any. */
export function matchBoilerplate(paragraph: string, index: number, count: number): BoilerplateRule | undefined {
  const atEdge = index < EDGE_PARAGRAPHS || index >= count - EDGE_PARAGRAPHS;
  for (const rule of BOILERPLATE_RULES) {
    if (paragraph.length > rule.maxLength) continue;
    if (rule.where === 'edge' && !atEdge) continue;
    if (rule.pattern.test(paragraph)) return rule;
  }
  return undefined;
}

/** Split normalized paragraphs into body and boilerplate, keeping the order of each. */
export function separateBoilerplate(paragraphs: readonly string[]): BoilerplateSplit {
  const body: string[] = [];
  const boilerplate: string[] = [];
  let siteName: string | undefined;
  const last = paragraphs.length - 1;
  paragraphs.forEach((p, i) => {
    if (i === last && i > 0 && SITE_SIGNATURE.test(p)) {
      siteName = p;
      boilerplate.push(p);
    } else if (matchBoilerplate(p, i, paragraphs.length)) {
      boilerplate.push(p);
    } else {
      body.push(p);
    }
  });
  return siteName === undefined ? { body, boilerplate } : { body, boilerplate, siteName };
}
