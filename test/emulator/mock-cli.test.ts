// `npm run mock -- --emulator`: the emulator over loopback HTTP as a program,
// answering with its own credentials, every hostile request a shared mock
// gets (issue 19) answered without dying, and stopping cleanly on Ctrl-C.
import { expect, it, onTestFinished } from "vitest";
import { startScript, waitUntil } from "../integration/support/processes";
import { PROBES, authLine, expectOwnPageUrls, expectRefused } from "./hostile-probes";

it(
  "serves the emulator on loopback, answers a seeded Proxy session and every hostile probe, and stops on SIGINT",
  { timeout: 60_000 },
  async () => {
    const running = startScript("scripts/mock.mts", { args: ["--emulator", "--seed", "5"] });
    onTestFinished(() => {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill("SIGKILL");
    });
    await waitUntil(
      () => /Press Ctrl-C/.test(running.output()) || running.child.exitCode !== null,
      "the emulator is ready",
    );
    const out = running.output();
    const proxy = /TWILIO_PROXY_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const [, sid, token] = /TWILIO_ACCOUNT_SID=(AC\w+) TWILIO_AUTH_TOKEN=(\w+)/.exec(out) ?? [];
    const [, service, session] = /service (KS\w+), session (KC\w+)/.exec(out) ?? [];
    expect(proxy).toBeDefined();
    const auth = authLine({ accountSid: sid!, authToken: token! });
    for (const probe of PROBES) await expectRefused(proxy!, auth, probe);
    await expectOwnPageUrls(proxy!, auth, { serviceSid: service!, sessionSid: session! });
    expect(running.child.exitCode).toBeNull();
    const url = `${proxy}/v1/Services/${service}/Sessions/${session}/Interactions?PageSize=50`;
    const response = await fetch(url, { headers: { authorization: `Basic ${btoa(`${sid}:${token}`)}` } });
    const page = (await response.json()) as { interactions: unknown[]; meta: { next_page_url: string } };
    expect(page.interactions).toHaveLength(50);
    expect(page.meta.next_page_url.startsWith(`${proxy}/v1/Services/`)).toBe(true);
    running.child.kill("SIGINT");
    const { code } = await running.finished;
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  },
);
