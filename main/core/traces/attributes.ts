import type { Attribute, AttributeValue } from '../../../shared/domain/trace';
import type { OtlpAnyValue, OtlpKeyValue } from './schemas/otlp.schema';

/** Converts an OTLP `AnyValue` to a JSON value; int64 beyond 2^53 stays a decimal string. */
export function fromAnyValue(value: OtlpAnyValue | undefined): AttributeValue {
  if (value === undefined) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return toSafeNumber(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(fromAnyValue);
  if (value.kvlistValue !== undefined) {
    const entries = (value.kvlistValue.values ?? []).map((kv) => [kv.key, fromAnyValue(kv.value)]);
    return Object.fromEntries(entries) as Record<string, AttributeValue>;
  }
  return null;
}

/** Converts OTLP key-values to attributes, keeping order and duplicate keys. */
export function fromKeyValues(list: OtlpKeyValue[] | undefined): Attribute[] {
  if (!list) return [];
  return list.map((kv) => ({ key: kv.key, value: fromAnyValue(kv.value) }));
}

/** Finds the first attribute with `key`. */
export function findAttribute(attributes: Attribute[], key: string): AttributeValue | undefined {
  return attributes.find((a) => a.key === key)?.value;
}

/** A decimal int64 as a number when it fits exactly, else the string unchanged. */
export function toSafeNumber(value: string | number): number | string {
  if (typeof value === 'number') return value;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
}

/** Collects resources without duplicates, so spans can point at them by index. */
export class ResourceTable {
  readonly resources: Attribute[][] = [];
  private readonly indexByKey = new Map<string, number>();

  /** Returns the index of `attributes`, adding them when not seen before. */
  indexOf(attributes: Attribute[]): number {
    const key = JSON.stringify(attributes);
    let index = this.indexByKey.get(key);
    if (index === undefined) {
      index = this.resources.length;
      this.resources.push(attributes);
      this.indexByKey.set(key, index);
    }
    return index;
  }
}
