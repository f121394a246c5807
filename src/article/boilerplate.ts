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
  /** 'any': anywhere in the body; 'edge': only among the first or last paragraphs; 'end': only among the last. */
  readonly where: 'any' | 'edge' | 'end';
  /** Longest paragraph (characters) the rule may remove. */
  readonly maxLength: number;
  readonly reason: string;
}

/** How many paragraphs from either end count as the "edge" of an article. */
const EDGE_PARAGRAPHS = 3;
/** A list introduced this close to the end ("Read more:", "More about:") is a trailer (TRAILER_INTRO). */
const TRAILER_WINDOW = 8;
/** Longest line of a trailer list: headlines and tags, not paragraphs. */
const TRAILER_LINE_LENGTH = 150;
/** Person-name words: "Steven Mufson", "Jennifer Jett", "Mary-Anne O’Neil". */
const NAME = String.raw`\p{Lu}[\p{L}'’.-]{1,30}(?: \p{Lu}[\p{L}'’.-]{0,30}){1,3}`;

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
    pattern: /^(?:subscribe|sign up|register|join)(?: now| today| here)?(?: to| for)\b[\s\S]{0,160}$|^[\s\S]{0,80}\bnewsletter\b[\s\S]{0,80}\b(?:sign up|subscribe|inbox)\b[\s\S]{0,80}$|^[\s\S]{0,80}\b(?:keep up with|get|try|join) (?:the|our) [^.!?]{0,60}newsletter\.?$/i,
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
  {
    name: 'author-bio',
    pattern: new RegExp(
      String.raw`^(?:[Aa]bout [Tt]he [Aa]uthors?|ABOUT THE AUTHORS?|${NAME} (?:is|was) (?:a|an|the) [^.]{0,80}\b(?:reporter|writer|correspondent|editor|columnist|journalist|contributor|producer|author|critic|historian|freelancer|freelance \p{L}+)\b[\s\S]{0,240}|${NAME} covers [^.]{2,80}(?:\.[\s\S]{0,200})?)$`,
      'u',
    ),
    where: 'end',
    maxLength: 320,
    reason: 'author bio boxes after the story ("Jane Roe is a reporter for the Courier covering housing.")',
  },
  {
    name: 'social-handle',
    pattern: /^[\s\S]{0,160}\b(?:follow (?:him|her|them|me) on (?:twitter|x|instagram|facebook|mastodon|bluesky|threads)|is on (?:twitter|x|instagram|mastodon|bluesky|threads)(?: at)?|on twitter at) @?[\w.]{1,40}\b[\s\S]{0,120}$/i,
    where: 'end',
    maxLength: 300,
    reason: 'author social-media lines at the end ("Ann Lee is on Twitter at annlee.")',
  },
  {
    name: 'contributed',
    pattern: /^(?:[\s\S]{0,200}\bcontributed (?:reporting|research|to this (?:report|story|article))\b[\s\S]{0,60}|(?:additional )?(?:reporting|writing|editing) by\b[\s\S]{0,200})$/i,
    where: 'end',
    maxLength: 260,
    reason: 'reporting credits after the story ("Ann Lee contributed to this report.", "Reporting by ...; Editing by ...")',
  },
  {
    name: 'originally-published',
    pattern: /^(?:this (?:article|story|post|piece|essay) (?:was |is )?(?:originally |first )?(?:appeared|appears|published|posted|reprinted|republished|ran|adapted)|a version of this (?:article|story) (?:appeared|appears|was published))\b[\s\S]{0,200}$/i,
    where: 'end',
    maxLength: 260,
    reason: 'republication notes ("This article originally appeared on ...", "A version of this article appears in print ...")',
  },
  {
    name: 'print-edition',
    pattern: /^[\s\S]{0,200}\border reprints\s?\|\s?today['’]s paper\b[\s\S]{0,40}$/i,
    where: 'end',
    maxLength: 260,
    reason: 'print-edition footers ("... Order Reprints | Today’s Paper | Subscribe")',
  },
  {
    name: 'media-label',
    pattern: /^(?:photo|image|video|gallery|graphic|slideshow|play video|watch video|enlarge (?:this )?image|view gallery|(?:gallery|photos?|slideshow)\s?:\s?[^|]{1,80}\|\s?\d{1,4} (?:photos|images|slides))\.?$/i,
    where: 'any',
    maxLength: 100,
    reason: 'labels of pictures, videos and galleries left where the media was ("Photo", "Gallery: ... | 14 Photos")',
  },
  {
    name: 'page-controls',
    pattern: /^(?:learn more|next|previous|back to top|show more|load more|see more|reply|permalink|save|saved|reuse content|found this helpful|was this (?:article|page|answer) helpful\??|skip to (?:main )?content|continue reading the main story|(?:next|previous) (?:page|article|post|story|chapter)\s?(?::|»|>>|›)[\s\S]{0,100})$/i,
    where: 'any',
    maxLength: 130,
    reason: 'buttons and links of the page flattened into text ("Learn more", "Reply", "Next page: ...")',
  },
  {
    name: 'comment-count',
    pattern: /^(?:\d{1,6} comments?|comments? \(\d{1,6}\)|(?:leave|post|add|write) a (?:comment|reply)\b[\s\S]{0,40}|(?:view|show|load|see|read) (?:all )?(?:\d{1,6} )?comments)\.?$/i,
    where: 'any',
    maxLength: 60,
    reason: 'comment counts and comment prompts',
  },
  {
    name: 'sponsor',
    pattern: /^(?:powered by|presented by|sponsored by|promoted by|brought to you by|in partnership with|paid (?:post|content)(?: by| from)?)\b[^.!?]{0,80}(?:\.[a-z]{2,12}[^.!?]{0,20})?$/i,
    where: 'any',
    maxLength: 100,
    reason: 'sponsor and ad-network labels ("Powered by ...", "Promoted by ...")',
  },
  {
    name: 'inbox-promo',
    pattern: /^\[[^\]]{0,160}\b(?:in your inbox|newsletter)\b[^\]]{0,80}\]$|^(?:get|receive|have) [\s\S]{1,80} (?:in|to|into|delivered to) your inbox\b[\s\S]{0,80}$/i,
    where: 'any',
    maxLength: 250,
    reason: 'newsletter promos without the word subscribe ("[... Get New York Today in your inbox.]")',
  },
  {
    name: 'error-report',
    pattern: /^(?:(?:spotted|found|see|notice|noticed) an? (?:error|typo|mistake)|if you (?:spot|see|notice|find) an? (?:error|typo|mistake))\b[\s\S]{0,180}$/i,
    where: 'end',
    maxLength: 220,
    reason: 'correction prompts ("Spotted an error? Let us know.")',
  },
  {
    name: 'editor-credit',
    pattern: /^[[【](?:责任编辑|責任編輯|编辑|編輯|editor|edited by)\s?[:：︰]?\s?[^\]】]{1,40}[\]】]$/iu,
    where: 'end',
    maxLength: 60,
    reason: 'bracketed editor credits ("[责任编辑:...]", "[Editor: ...]")',
  },
  {
    name: 'promo-here',
    pattern: /^[\s\S]{0,200}(?:check it out here|read (?:it|more|the full story) here|\.\s?here)\.?$/i,
    where: 'end',
    maxLength: 250,
    reason: 'promo links to other sections at the end ("... Check it out here.")',
  },
  {
    name: 'photo-by',
    pattern: /^(?:top |lead |header |cover )?(?:photo|photograph|image|illustration|artwork)s? (?:by|courtesy of|via) (?![\s\S]{0,200}\b(?:shows?|showed|is|are|was|were|has|have|had|will|would|can|could|said|says|took|taken|reveals?|revealed)\b)[^.!?]{1,200}\.?$/i,
    where: 'end',
    maxLength: 240,
    reason: 'picture credits at the end ("Top photo by ...", "Photos by ..."), not a sentence about photos (no verb after the names)',
  },
];

/**
 * A list intro near the end ("Read more:", "More about:", "Related stories"): it and the short lines
 * after it to the end of the body are links or tags, not story. Only when every line after it is
 * short and none ends a sentence (headlines and tags do not), so a real closing section stays.
 */
export const TRAILER_INTRO = /^(?:read more|more about|more on (?:this|these) (?:topics?|stories)|related(?: (?:articles|stories|coverage|content|topics|reading|links))?|tags|topics|filed under|more from [^:]{1,40}|recommended(?: for you)?|you (?:may|might) also like|most (?:read|popular|viewed))\s?:?$/i;

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
  const atEnd = index >= count - EDGE_PARAGRAPHS;
  const atEdge = index < EDGE_PARAGRAPHS || atEnd;
  for (const rule of BOILERPLATE_RULES) {
    if (paragraph.length > rule.maxLength) continue;
    if (rule.where === 'edge' && !atEdge) continue;
    if (rule.where === 'end' && !atEnd) continue;
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
  const trailer = trailerStart(paragraphs);
  // Away from the edges only 'any' rules apply, so a repeated line (a "Photo" label under every
  // picture, or a hostile page of one line repeated) is matched once.
  const middle = new Map<string, boolean>();
  const isBoilerplate = (p: string, i: number): boolean => {
    const atEdge = i < EDGE_PARAGRAPHS || i >= paragraphs.length - EDGE_PARAGRAPHS;
    if (atEdge) return matchBoilerplate(p, i, paragraphs.length) !== undefined;
    let known = middle.get(p);
    if (known === undefined) middle.set(p, (known = matchBoilerplate(p, i, paragraphs.length) !== undefined));
    return known;
  };
  paragraphs.forEach((p, i) => {
    if (i >= trailer) {
      boilerplate.push(p);
    } else if (i === last && i > 0 && SITE_SIGNATURE.test(p)) {
      siteName = p;
      boilerplate.push(p);
    } else if (isBoilerplate(p, i)) {
      boilerplate.push(p);
    } else {
      body.push(p);
    }
  });
  return siteName === undefined ? { body, boilerplate } : { body, boilerplate, siteName };
}

/** Where a trailer list starts (see TRAILER_INTRO), or the paragraph count when there is none. */
function trailerStart(paragraphs: readonly string[]): number {
  const count = paragraphs.length;
  // From the end backwards: the lines after a candidate intro must all be short, unpunctuated lines.
  for (let i = count - 2; i >= Math.max(1, count - TRAILER_WINDOW); i--) {
    const line = paragraphs[i + 1]!;
    if (line.length > TRAILER_LINE_LENGTH || /[.!?]["”’)]?$/.test(line)) break;
    if (paragraphs[i]!.length <= 60 && TRAILER_INTRO.test(paragraphs[i]!)) return i;
  }
  return count;
}
