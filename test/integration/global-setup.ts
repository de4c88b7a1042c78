// Vitest global setup: one mock (Prism per bundled API description) for the
// whole run, stopped when the run ends. Tests read its base URLs with
// `inject("mockUrls")`.
import type { TestProject } from "vitest/node";
import { type MockUrls, startMock } from "../../scripts/mock/interactions-mock.mts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URLs of the shared mock, in the shape of the client's `baseUrls` option. */
    mockUrls: MockUrls;
  }
}

/** Starts the mock and returns the teardown that stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Generous: the whole run waits on it, and Prism starts slowly when the machine is busy.
  const mock = await startMock({ readyTimeoutMs: 60_000 });
  project.provide("mockUrls", mock.urls);
  return () => mock.stop();
}
