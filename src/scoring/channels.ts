import type { Persona } from '../data/load-data.js';

/** The handbook's content types ("Content Buyers Use for Tech Research and Decision-Making"), as profile channel ids. */
export const channelNames: Readonly<Record<string, string>> = {
  'analyst-report': 'analyst reports',
  'press-release': 'press releases and announcements',
  'blog-post': 'blog posts',
  'case-study': 'case studies',
  'conference-presentation': 'conference presentations',
  ebook: 'ebooks',
  newsletter: 'email updates and newsletters',
  event: 'events and meetups',
  infographic: 'infographics',
  'peer-review-site': 'peer review sites',
  podcast: 'podcasts',
  'customer-reference': 'customer references and testimonials',
  'research-report': 'research reports',
  'social-media': 'social media',
  'technical-video': 'technical videos and demos',
  'video-story': 'video stories from similar organizations',
  webinar: 'webinars',
  website: 'product websites',
  whitepaper: 'whitepapers',
  docs: 'documentation',
};

/** What writers put in `content_type`, besides the channel ids themselves. */
const aliases: Readonly<Record<string, string>> = {
  analyst: 'analyst-report',
  'analyst-reports': 'analyst-report',
  announcement: 'press-release',
  press: 'press-release',
  news: 'press-release',
  blog: 'blog-post',
  post: 'blog-post',
  article: 'blog-post',
  'customer-story': 'case-study',
  'success-story': 'case-study',
  conference: 'conference-presentation',
  presentation: 'conference-presentation',
  talk: 'conference-presentation',
  keynote: 'conference-presentation',
  'e-book': 'ebook',
  email: 'newsletter',
  'email-update': 'newsletter',
  meetup: 'event',
  roundtable: 'event',
  'peer-review': 'peer-review-site',
  review: 'peer-review-site',
  testimonial: 'customer-reference',
  reference: 'customer-reference',
  research: 'research-report',
  survey: 'research-report',
  social: 'social-media',
  video: 'technical-video',
  demo: 'technical-video',
  'tech-video': 'technical-video',
  'landing-page': 'website',
  'product-page': 'website',
  'solution-page': 'website',
  web: 'website',
  'white-paper': 'whitepaper',
  doc: 'docs',
  documentation: 'docs',
  tutorial: 'docs',
  'how-to': 'docs',
  guide: 'docs',
};

/** The channel id a `content_type` value names, or undefined when it names none. */
export function channelOf(contentType: string): string | undefined {
  const key = contentType.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (key in channelNames) return key;
  return aliases[key] ?? (key.endsWith('s') ? (channelNames[key.slice(0, -1)] ? key.slice(0, -1) : aliases[key.slice(0, -1)]) : undefined);
}

export type ChannelTier = 'primary' | 'secondary' | 'tertiary' | 'unlisted';

/** How much a persona uses a channel, by the profile's `channels`. */
export function channelTier(persona: Persona, channel: string): ChannelTier {
  if (persona.channels.primary.includes(channel)) return 'primary';
  if (persona.channels.secondary.includes(channel)) return 'secondary';
  if (persona.channels.tertiary.includes(channel)) return 'tertiary';
  return 'unlisted';
}

export const contentTypes: readonly string[] = [...Object.keys(channelNames), ...Object.keys(aliases)];
