import { v7 as uuidv7 } from 'uuid';

/** Current time as ISO-8601 UTC with milliseconds. */
export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();

/** A new globally unique, time-ordered id (UUIDv7). */
export function newId(): string {
  return uuidv7();
}
