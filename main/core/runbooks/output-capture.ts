import fs from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { StreamMasker } from './masking';

export type OutputStream = 'stdout' | 'stderr';

/**
 * Maximum size of each step output file on disk (`.stdout.log`, `.stderr.log`): 64 MiB.
 * Past it the step keeps running, but its further output on that stream is read and
 * discarded, so a chatty step cannot fill the disk.
 */
export const OUTPUT_FILE_CAP_BYTES = 64 * 1024 * 1024;

/** The transcript contains both streams, JSON-escaped, so it gets twice the per-stream cap. */
export function transcriptCapBytes(fileCapBytes: number): number {
  return 2 * fileCapBytes;
}

/** Output kept in memory before an output file is opened: 64 KiB. */
const LAZY_FILE_BYTES = 64 * 1024;

/** Sizes of one output file: bytes written to it and bytes discarded past its cap. */
export interface OutputFileStats {
  writtenBytes: number;
  discardedBytes: number;
  truncated: boolean;
}

/**
 * An output file with a size cap, opened only once its content passes `LAZY_FILE_BYTES`.
 * Most steps print little, so their files are written in one call at the end, which keeps
 * file opens off the path between a request and the spawn.
 * NOTE: until then the output is only in memory, so a host that dies during a long, quiet
 * background step leaves no output file for it.
 */
export class CappedFile {
  private chunks: string[] = [];
  private pendingBytes = 0;
  private stream: fs.WriteStream | undefined;
  readonly stats: OutputFileStats = { writtenBytes: 0, discardedBytes: 0, truncated: false };

  /**
   * With `splitChunks` the chunk that crosses the cap is cut there. Without it that chunk is
   * discarded whole, so every transcript line stays valid JSON.
   */
  constructor(
    readonly filePath: string,
    readonly capBytes: number,
    private readonly splitChunks: boolean,
  ) {}

  /** Writes text up to the cap and returns the part written, which is all of it below the cap. */
  write(text: string): string {
    const size = Buffer.byteLength(text);
    if (this.stats.truncated) {
      this.stats.discardedBytes += size;
      return '';
    }
    const room = this.capBytes - this.stats.writtenBytes;
    if (size <= room) {
      this.append(text, size);
      return text;
    }
    const kept = this.splitChunks ? cutUtf8(text, room) : '';
    const keptBytes = Buffer.byteLength(kept);
    if (kept !== '') this.append(kept, keptBytes);
    this.stats.discardedBytes += size - keptBytes;
    this.stats.truncated = true;
    return kept;
  }

  /** Counts bytes that were discarded before reaching this file. */
  discard(bytes: number): void {
    this.stats.discardedBytes += bytes;
  }

  /** Writes the marker line (when the cap was reached) and closes the file. */
  async end(marker: string): Promise<void> {
    if (this.stats.truncated) this.appendRaw(marker);
    if (!this.stream) {
      fs.writeFileSync(this.filePath, this.chunks.join(''));
      return;
    }
    this.stream.end();
    await once(this.stream, 'close');
  }

  private append(text: string, size: number): void {
    this.stats.writtenBytes += size;
    this.appendRaw(text);
  }

  private appendRaw(text: string): void {
    if (this.stream) {
      this.stream.write(text);
      return;
    }
    this.chunks.push(text);
    this.pendingBytes += Buffer.byteLength(text);
    if (this.pendingBytes > LAZY_FILE_BYTES) {
      this.stream = fs.createWriteStream(this.filePath);
      this.stream.write(this.chunks.join(''));
      this.chunks = [];
    }
  }
}

/** Cuts text to at most `bytes` UTF-8 bytes on a character boundary. */
export function cutUtf8(text: string, bytes: number): string {
  if (bytes <= 0) return '';
  // Decoding a cut buffer turns a split character into U+FFFD, which is dropped.
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/** Output of one stream: masked, written to its capped file, kept in memory up to the budget. */
export class StreamCapture {
  private readonly decoder = new StringDecoder('utf8');
  private readonly masker: StreamMasker;
  readonly file: CappedFile;
  text = '';

  constructor(
    readonly name: OutputStream,
    filePath: string,
    fileCapBytes: number,
    secrets: readonly string[],
    private readonly budget: { remaining: number; truncated: boolean },
    private readonly onOutput: (stream: OutputStream, chunk: string) => void,
    private readonly onFileFull: (stream: OutputStream) => void,
  ) {
    this.masker = new StreamMasker(secrets);
    this.file = new CappedFile(filePath, fileCapBytes, true);
  }

  get filePath(): string {
    return this.file.filePath;
  }

  /** Takes bytes from the pipe; past the file cap they are only counted, never decoded. */
  write(bytes: Buffer): void {
    if (this.file.stats.truncated) {
      this.file.discard(bytes.length);
      return;
    }
    this.emit(this.masker.push(this.decoder.write(bytes)));
  }

  async end(): Promise<void> {
    if (!this.file.stats.truncated) {
      this.emit(this.masker.push(this.decoder.end()) + this.masker.flush());
    }
    const { writtenBytes, discardedBytes } = this.file.stats;
    await this.file.end(
      `\n[firebreak: ${this.name} truncated at the ${formatMiB(this.file.capBytes)} file cap: ` +
        `${writtenBytes} bytes written, ${discardedBytes} more bytes discarded]\n`,
    );
  }

  private emit(text: string): void {
    if (text === '') return;
    const written = this.file.write(text);
    if (written !== '') this.keep(written);
    if (this.file.stats.truncated) {
      this.budget.truncated = true;
      this.onFileFull(this.name);
    }
  }

  /** Passes text on to the live output and keeps it in memory up to the shared budget. */
  private keep(text: string): void {
    this.onOutput(this.name, text);
    const size = Buffer.byteLength(text);
    if (size <= this.budget.remaining) {
      this.text += text;
      this.budget.remaining -= size;
      return;
    }
    this.text += cutUtf8(text, this.budget.remaining);
    this.budget.remaining = 0;
    this.budget.truncated = true;
  }
}

/** Formats a byte count as MiB for messages, such as `64 MiB` or `0.01 MiB`. */
export function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : Number(mib.toFixed(2))} MiB`;
}
