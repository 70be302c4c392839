import { AppError } from '../errors';
import { importJaeger } from './import-jaeger';
import { importOtlp, type ImportedSpans } from './import-otlp';
import { importZipkin } from './import-zipkin';
import type { ImportedTrace } from './model';
import { JaegerEnvelopeSchema, JaegerTraceSchema } from './schemas/jaeger.schema';
import { OtlpTracesDataSchema, type OtlpTracesData } from './schemas/otlp.schema';
import { ZipkinTraceSchema, type ZipkinSpan } from './schemas/zipkin.schema';
import { parseDocument, type ValidationContext } from './validate';

const EXPECTED =
  'Expected a Jaeger JSON trace ({"data": [...]} or an object with "spans"), OTLP JSON ' +
  '({"resourceSpans": [...]}, one object or JSON Lines), Tempo JSON ({"batches": [...]} or ' +
  '{"trace": {...}}) or a Zipkin v2 span array.';

/**
 * Parses a trace file in any supported format and converts it to one imported trace.
 * Raises `invalid_input` naming the file when it is not JSON, not a trace, contains no spans
 * or spans from more than one trace.
 */
export function importTraceText(fileName: string, content: string): ImportedTrace {
  const context: ValidationContext = {
    code: 'invalid_input',
    subject: `File "${fileName}"`,
    nextStep: 'Export the trace again from Jaeger, Tempo, Zipkin or an OpenTelemetry exporter.',
  };
  const documents = parseJsonOrLines(fileName, content);
  const imported = importDocuments(documents, fileName, context);
  return toSingleTrace(imported, context.subject);
}

/** Converts already-parsed JSON (a backend body or a file) of a known shape. */
export function importDocuments(
  documents: unknown[],
  fileName: string,
  context: ValidationContext,
): ImportedSpans {
  const first = documents[0];
  if (documents.length > 1) {
    const all = documents.map((d) => parseDocument(OtlpTracesDataSchema, unwrapOtlp(d), context));
    return importOtlp(all, hasBase64Ids(all) ? 'tempo' : 'otlp', context);
  }
  if (Array.isArray(first)) return importZipkinDocument(first, context);
  if (!isObject(first)) throw notATrace(fileName, `a JSON ${typeName(first)}`);

  if ('data' in first) {
    const envelope = parseDocument(JaegerEnvelopeSchema, first, context);
    return importJaeger(envelope.data ?? [], context);
  }
  if ('spans' in first && ('traceID' in first || 'processes' in first)) {
    return importJaeger([parseDocument(JaegerTraceSchema, first, context)], context);
  }
  const otlp = unwrapOtlp(first);
  if (otlp !== undefined) {
    const data = parseDocument(OtlpTracesDataSchema, otlp, context);
    // Jaeger api_v3 wraps OTLP in `result`; Tempo uses `batches` or `trace` and base64 ids.
    let format: 'jaeger' | 'tempo' | 'otlp' = 'otlp';
    if ('result' in first) format = 'jaeger';
    else if ('batches' in first || 'trace' in first || hasBase64Ids([data])) format = 'tempo';
    return importOtlp([data], format, context);
  }
  const keys = Object.keys(first).slice(0, 8).join(', ') || 'none';
  throw notATrace(fileName, `an object with keys ${keys}`);
}

function importZipkinDocument(document: unknown[], context: ValidationContext): ImportedSpans {
  // `GET /api/v2/traces` returns a list of traces; one trace is a plain span list.
  const spans = document.length > 0 && document.every(Array.isArray) ? document.flat() : document;
  return importZipkin(parseDocument(ZipkinTraceSchema, spans, context) as ZipkinSpan[], context);
}

/**
 * Finds the OTLP `TracesData` inside the known wrappers: Jaeger api_v3 `{result}`, Tempo
 * v2 `{trace}`, and Tempo v1 `{batches}`. Returns undefined for anything else.
 */
function unwrapOtlp(document: unknown): unknown {
  if (!isObject(document)) return undefined;
  if ('resourceSpans' in document) return document;
  if ('batches' in document) return { resourceSpans: document.batches };
  if (isObject(document.result) && 'resourceSpans' in document.result) return document.result;
  if (isObject(document.trace)) return { resourceSpans: document.trace.resourceSpans ?? [] };
  return undefined;
}

function parseJsonOrLines(fileName: string, content: string): unknown[] {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (text === '') throw notATrace(fileName, 'an empty file');
  try {
    return [JSON.parse(text)];
  } catch (error) {
    // OpenTelemetry's file exporter writes JSON Lines: one TracesData object per line.
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines[0]?.trimStart().startsWith('{')) {
      return lines.map((line, i) => parseLine(fileName, line, i));
    }
    throw new AppError(
      'invalid_input',
      `File "${fileName}" is not valid JSON: ${(error as Error).message}. ${EXPECTED}`,
      { fileName },
    );
  }
}

function parseLine(fileName: string, line: string, index: number): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `File "${fileName}" is not valid JSON Lines: line ${index + 1}: ${(error as Error).message}.`,
      { fileName, line: index + 1 },
    );
  }
}

/**
 * Checks that imported spans form exactly one trace and returns it. `subject` names the
 * source in messages, such as `File "trace.json"`. Raises `invalid_input` otherwise.
 */
export function toSingleTrace(imported: ImportedSpans, subject: string): ImportedTrace {
  if (imported.spans.length === 0) {
    throw new AppError(
      'invalid_input',
      `${subject} contains no spans. Export a trace that has at least one span.`,
      { subject },
    );
  }
  const traceIds = [...new Set(imported.spans.map((span) => span.traceId))];
  if (traceIds.length > 1) {
    throw new AppError(
      'invalid_input',
      `${subject} contains spans of ${traceIds.length} traces ` +
        `(${traceIds.slice(0, 3).join(', ')}${traceIds.length > 3 ? ', …' : ''}). ` +
        'Attach one trace per file: export a single trace.',
      { subject, traceIds: traceIds.slice(0, 20) },
    );
  }
  return {
    format: imported.format,
    traceId: traceIds[0] as string,
    spans: imported.spans,
    resources: imported.resources.resources,
    warnings: imported.warnings,
  };
}

function hasBase64Ids(documents: OtlpTracesData[]): boolean {
  const span = documents[0]?.resourceSpans[0]?.scopeSpans?.[0]?.spans?.[0];
  return span !== undefined && !/^[0-9a-fA-F]+$/.test(span.traceId);
}

function notATrace(fileName: string, found: string): AppError {
  return new AppError(
    'invalid_input',
    `File "${fileName}" is not a trace: found ${found}. ${EXPECTED}`,
    {
      fileName,
    },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
