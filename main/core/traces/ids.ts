/** Byte lengths of trace and span ids; hex forms are twice as long. */
export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Normalises an id to lower-case hex of `bytes` bytes, left-padded with zeros. Accepts hex
 * of either case, hex with leading zeros stripped (Tempo search), 64-bit trace ids, and
 * padded base64 of exactly `bytes` bytes (Tempo's JSON output). Returns null for an empty, all-zero or malformed id.
 *
 * NOTE: unpadded base64 made only of hex digits is read as hex. Tempo pads its base64, so
 * this ambiguity does not arise with its output.
 */
export function normaliseId(raw: string, bytes: number): string | null {
  const width = bytes * 2;
  let hex: string | null = null;
  if (raw.length <= width && HEX.test(raw)) {
    hex = raw.toLowerCase().padStart(width, '0');
  } else if (raw.length % 4 === 0 && BASE64.test(raw)) {
    // Base64 ids always carry every byte, so only an exact length is accepted.
    const decoded = Buffer.from(raw, 'base64');
    if (decoded.length === bytes) hex = decoded.toString('hex');
  }
  if (hex === null || /^0+$/.test(hex)) return null;
  return hex;
}

/** Normalises a trace id to 32 lower-case hex characters, or null when invalid. */
export function normaliseTraceId(raw: string): string | null {
  return normaliseId(raw, TRACE_ID_BYTES);
}

/** Normalises a span id to 16 lower-case hex characters, or null when invalid. */
export function normaliseSpanId(raw: string): string | null {
  return normaliseId(raw, SPAN_ID_BYTES);
}
