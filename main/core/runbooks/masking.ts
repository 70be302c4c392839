/** Replacement for a secret value in stored output, commands and exports. */
export const MASK = '••••';

/**
 * Secret values shorter than this are not masked in output, because masking every `a` or
 * `42` would destroy the output. They are still masked in the stored parameters.
 */
export const MIN_MASKED_LENGTH = 4;

/** Replaces every occurrence of each secret value with the mask. */
export function maskText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of maskable(secrets)) result = result.split(secret).join(MASK);
  return result;
}

/** Secret values worth masking, longest first so a secret containing another masks whole. */
export function maskable(secrets: readonly string[]): string[] {
  return [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_MASKED_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/**
 * Masks secrets in a stream of text chunks. A secret can be split across two chunks, so
 * the last `longest secret - 1` characters are held back until more text arrives or the
 * stream ends.
 */
export class StreamMasker {
  private readonly secrets: string[];
  private readonly holdBack: number;
  private pending = '';

  constructor(secrets: readonly string[]) {
    this.secrets = maskable(secrets);
    this.holdBack = Math.max(0, ...this.secrets.map((secret) => secret.length - 1));
  }

  /** Takes a chunk and returns the masked text that is safe to release now. */
  push(chunk: string): string {
    if (this.secrets.length === 0) return chunk;
    this.pending += chunk;
    let cut = Math.max(0, this.pending.length - this.holdBack);
    // Move the cut past any secret that starts before it, so no secret is split.
    for (const secret of this.secrets) {
      let index = this.pending.indexOf(secret);
      while (index !== -1 && index < cut) {
        cut = Math.max(cut, index + secret.length);
        index = this.pending.indexOf(secret, index + secret.length);
      }
    }
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return maskText(ready, this.secrets);
  }

  /** Returns the held-back text, masked; call once when the stream ends. */
  flush(): string {
    const rest = maskText(this.pending, this.secrets);
    this.pending = '';
    return rest;
  }
}
