// Faults injected inside the emulator, to show what a bug there does: the
// request is answered 500 and changes nothing. Restore with vi.restoreAllMocks().
import { vi } from "vitest";

/**
 * The next answer that writes task attributes with a `customerName` (an interaction's, once its task is
 * made) fails to serialize them: after the handler has changed the state.
 */
export function failNextInteractionAnswer(): void {
  const stringify = JSON.stringify;
  let armed = true;
  vi.spyOn(JSON, "stringify").mockImplementation(((value: unknown, ...rest: [never, never]) => {
    if (armed && typeof value === "object" && value !== null && "customerName" in value) {
      armed = false;
      throw new RangeError("injected fault");
    }
    return stringify(value, ...rest);
  }) as typeof JSON.stringify);
}

/** The next date written out fails: the request log's first, before any handler. */
export function failNextDate(): void {
  const toISOString = Date.prototype.toISOString;
  let armed = true;
  vi.spyOn(Date.prototype, "toISOString").mockImplementation(function (this: Date) {
    if (armed) {
      armed = false;
      throw new RangeError("injected fault");
    }
    return toISOString.call(this);
  });
}

/** Keeps the emulator's console lines for the test to read. */
export function consoleLines(): () => string[] {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return () => spy.mock.calls.map((call) => call.join(" "));
}
