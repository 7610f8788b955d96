/*
 * Which catalog-provided texts may become links. A catalog-info file is
 * written by anyone who can open a pull request, and a `javascript:` or
 * `data:` URL in an href runs in the viewer's session; so only http(s)
 * links (and mailto: where an e-mail address is meant) are ever links. The
 * validation, the registration template, the CLI and the frontend all ask
 * these functions.
 */

/** Longer URLs are refused: no browser or server handles them everywhere. */
const MAX_URL_LENGTH = 2048;
/** Whitespace and control characters have no place in a URL as written. */
// eslint-disable-next-line no-control-regex -- these are the characters to refuse
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f]/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * An absolute http: or https: URL with a host, as written (no surrounding
 * spaces, no control characters, at most 2048 characters).
 * @public
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || FORBIDDEN.test(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A plain e-mail address (no display name), as a mailto: link would carry it. @public */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

/**
 * The href a catalog-provided link may use, or undefined when it must be
 * shown as text: http(s) URLs as they are, `mailto:` URLs of a plain
 * address, and (with `email: true`) a bare address as `mailto:`.
 * @public
 */
export function safeHref(value: unknown, options?: { email?: boolean }): string | undefined {
  if (isHttpUrl(value)) return value;
  if (typeof value !== 'string') return undefined;
  const mailto = /^mailto:(.*)$/i.exec(value);
  if (mailto && isEmailAddress(mailto[1])) return `mailto:${mailto[1]}`;
  if (options?.email && isEmailAddress(value)) return `mailto:${value}`;
  return undefined;
}

/**
 * Whether a free-text field (a chat channel, how to page) reads as a URL
 * of some scheme: one token that starts with `scheme:`. Such text must be
 * an http(s) URL; anything else ('#data-platform', 'PagerDuty service
 * data-platform') stays free text.
 * @public
 */
export function looksLikeUrl(value: unknown): boolean {
  return typeof value === 'string' && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/\s/.test(value.trim());
}

/** C0 and C1 control characters, and the Unicode line and paragraph separators. @public */
// eslint-disable-next-line no-control-regex -- these are the characters to refuse
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
