/**
 * A hand-written check with the same rules as `OtlpSpanSchema`, for the hot path of large
 * imports: it only returns true or false and allocates nothing. It must never accept
 * a span the zod schema rejects. Where it is stricter, zod has the final word, so the
 * import stays correct and only gets slower.
 */

type Json = Record<string, unknown>;

const NON_FINITE_DOUBLES = new Set(['NaN', 'Infinity', '-Infinity']);
const DECIMAL_INTEGER = /^-?\d+$/;

/** Returns whether `value` passes `OtlpSpanSchema`, checked by hand. */
export function isOtlpSpan(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (
    typeof value.traceId === 'string' &&
    typeof value.spanId === 'string' &&
    isOptionalString(value.parentSpanId) &&
    isOptionalString(value.name) &&
    isOptionalEnum(value.kind) &&
    isOptionalInt64(value.startTimeUnixNano) &&
    isOptionalInt64(value.endTimeUnixNano) &&
    isOptionalList(value.attributes, isKeyValue) &&
    isOptionalList(value.events, isEvent) &&
    isOptionalList(value.links, isLink) &&
    (value.status === undefined || isStatus(value.status))
  );
}

function isEvent(value: unknown): boolean {
  return (
    isObject(value) &&
    isOptionalInt64(value.timeUnixNano) &&
    isOptionalString(value.name) &&
    isOptionalList(value.attributes, isKeyValue)
  );
}

function isLink(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.traceId === 'string' &&
    typeof value.spanId === 'string' &&
    isOptionalList(value.attributes, isKeyValue)
  );
}

function isStatus(value: unknown): boolean {
  return isObject(value) && isOptionalEnum(value.code) && isOptionalString(value.message);
}

function isKeyValue(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    (value.value === undefined || isAnyValue(value.value))
  );
}

function isAnyValue(value: unknown): boolean {
  if (!isObject(value)) return false;
  const double = value.doubleValue;
  return (
    isOptionalString(value.stringValue) &&
    (value.boolValue === undefined || typeof value.boolValue === 'boolean') &&
    isOptionalInt64(value.intValue) &&
    (double === undefined ||
      (typeof double === 'number' && Number.isFinite(double)) ||
      (typeof double === 'string' && NON_FINITE_DOUBLES.has(double))) &&
    isOptionalString(value.bytesValue) &&
    (value.arrayValue === undefined || isValues(value.arrayValue, isAnyValue)) &&
    (value.kvlistValue === undefined || isValues(value.kvlistValue, isKeyValue))
  );
}

function isValues(value: unknown, check: (item: unknown) => boolean): boolean {
  return isObject(value) && isOptionalList(value.values, check);
}

function isOptionalList(value: unknown, check: (item: unknown) => boolean): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!check(item)) return false;
  return true;
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** An enum as a safe integer or a name, like `EnumValueSchema`. */
function isOptionalEnum(value: unknown): boolean {
  return value === undefined || typeof value === 'string' || Number.isSafeInteger(value);
}

/** An int64 as a decimal string or a safe integer, like `Int64Schema`. */
function isOptionalInt64(value: unknown): boolean {
  if (value === undefined || Number.isSafeInteger(value)) return true;
  return typeof value === 'string' && DECIMAL_INTEGER.test(value);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
