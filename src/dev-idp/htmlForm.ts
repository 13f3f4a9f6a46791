/** A form as a browser would submit it. */
export interface HtmlForm {
  /** Resolved against the page URL. */
  action: string;
  method: string;
  /** Names and current values of the form's inputs. */
  fields: Map<string, string>;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const [, name = '', double, single, bare] = match;
    attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

/**
 * Finds a form in HTML the way a test would look at a page: by `id`, or the first form when no
 * id is given. Only the markup the dev IdP and oidc-provider produce needs to be understood.
 *
 * @param html - the page
 * @param pageUrl - the page's URL, to resolve a relative `action`
 * @param id - the form's `id`
 * @returns the form, or undefined when the page has none
 */
export function findForm(html: string, pageUrl: string, id?: string): HtmlForm | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const [, tag = '', content = ''] = match;
    const attributes = attributesOf(tag);
    if (id !== undefined && attributes.get('id') !== id) continue;
    const fields = new Map<string, string>();
    for (const input of content.matchAll(/<input\b([^>]*)>/gi)) {
      const inputAttributes = attributesOf(input[1] ?? '');
      const name = inputAttributes.get('name');
      if (name !== undefined) fields.set(name, inputAttributes.get('value') ?? '');
    }
    return {
      action: new URL(attributes.get('action') ?? pageUrl, pageUrl).href,
      method: (attributes.get('method') ?? 'get').toUpperCase(),
      fields,
    };
  }
  return undefined;
}

/** Text of the first `role="alert"` element: where the IdP's pages show errors. */
export function alertText(html: string): string | undefined {
  const match = /<p\b[^>]*role="alert"[^>]*>([\s\S]*?)<\/p>/i.exec(html);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1].replace(/<[^>]*>/g, ''));
}

/** `href` of the first link whose target path ends with `suffix`, resolved against the page. */
export function findLink(html: string, pageUrl: string, suffix: string): string | undefined {
  for (const match of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = attributesOf(match[1] ?? '').get('href');
    if (href !== undefined && new URL(href, pageUrl).pathname.endsWith(suffix)) {
      return new URL(href, pageUrl).href;
    }
  }
  return undefined;
}
