// One copy of each short string that many records repeat (workspace, queue
// and worker SIDs, channel types), instead of one per request that parsed it:
// an emulator holding 100,000 interactions would otherwise keep 100,000 copies.
const table = new Map<string, string>();
// Bounded, so a test sending unique values does not grow it without end.
const LIMIT = 10_000;

/** The shared copy of `value` (or `value` itself once the table is full). */
export function intern<T extends string | null | undefined>(value: T): T {
  if (typeof value !== "string") return value;
  const known = table.get(value);
  if (known !== undefined) return known as T;
  if (table.size < LIMIT) table.set(value, value);
  return value;
}
