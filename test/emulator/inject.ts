// Faults injected inside the emulator, to show what a bug there does: the
// request is answered 500 and changes nothing. Restore with vi.restoreAllMocks().
import { vi } from "vitest";

/**
 * The next interaction's channel fails to be stored: inside the handler, once the interaction and its
 * task are, so the request has half-made state to undo.
 */
export function failNextInteractionAnswer(): void {
  const set = Map.prototype.set;
  let armed = true;
  vi.spyOn(Map.prototype, "set").mockImplementation(function (this: Map<unknown, unknown>, key, value) {
    if (armed && typeof key === "string" && key.startsWith("UO") && typeof value === "object" && value !== null) {
      armed = false;
      throw new RangeError("injected fault");
    }
    return set.call(this, key, value);
  });
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
