/** sessionStorage key that keeps the browser host token across reloads of one tab. */
const TOKEN_KEY = 'firebreak.token';

/**
 * Takes the browser host token from `#token=<token>` in the URL, keeps it in
 * sessionStorage and removes it from the address bar, so the token is not left in the
 * history or in a copied link. Returns the stored token when the hash has none.
 */
export function takeSessionToken(): string | null {
  const match = /(?:^#|[#&?])token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    window.sessionStorage.setItem(TOKEN_KEY, token);
    const rest = window.location.hash.replace(/[#&?]?token=[^&]+/, '').replace(/^#?&?/, '');
    const cleaned = `${window.location.pathname}${window.location.search}#${rest || '/'}`;
    window.history.replaceState(null, '', cleaned);
    return token;
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}
