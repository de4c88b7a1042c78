// Hosts: the spec's servers by default, `{product}.{edge}.{region}.twilio.com`
// with a region or edge (from options or TWILIO_REGION/TWILIO_EDGE), and
// explicit base URLs, where plain http is allowed only for loopback.
import { afterEach, describe, expect, it, vi } from "vitest";
import { TwilioConfigError, createInteractionsClient } from "twilio-interactions";
import { ACCOUNT_SID, AUTH_TOKEN } from "../helpers/fixtures";

const credentials = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
const hosts = (options: Record<string, unknown> = {}) => {
  const { flex, proxy } = createInteractionsClient({ ...credentials, ...options });
  return [flex.baseUrl, proxy.baseUrl];
};

afterEach(() => vi.unstubAllEnvs());

describe("base URLs", () => {
  it("default to the servers of the API descriptions", () => {
    expect(hosts()).toEqual(["https://flex-api.twilio.com", "https://proxy.twilio.com"]);
  });

  it.each([
    [{ region: "ie1", edge: "dublin" }, "flex-api.dublin.ie1.twilio.com", "proxy.dublin.ie1.twilio.com"],
    [{ region: "au1", edge: "sydney" }, "flex-api.sydney.au1.twilio.com", "proxy.sydney.au1.twilio.com"],
    [{ region: "ie1" }, "flex-api.dublin.ie1.twilio.com", "proxy.dublin.ie1.twilio.com"],
    [{ edge: "sydney" }, "flex-api.sydney.us1.twilio.com", "proxy.sydney.us1.twilio.com"],
    [{ edge: "ie1", region: "ie1" }, "flex-api.dublin.ie1.twilio.com", "proxy.dublin.ie1.twilio.com"],
    [{ region: "us1" }, "flex-api.twilio.com", "proxy.twilio.com"],
    [{ region: "IE1", edge: "Dublin" }, "flex-api.dublin.ie1.twilio.com", "proxy.dublin.ie1.twilio.com"],
  ])("follow region and edge %j", (options, flex, proxy) => {
    expect(hosts(options)).toEqual([`https://${flex}`, `https://${proxy}`]);
  });

  it("read TWILIO_REGION and TWILIO_EDGE, with options taking precedence", () => {
    vi.stubEnv("TWILIO_REGION", "au1");
    vi.stubEnv("TWILIO_EDGE", "sydney");
    expect(hosts()).toEqual(["https://flex-api.sydney.au1.twilio.com", "https://proxy.sydney.au1.twilio.com"]);
    expect(hosts({ region: "ie1", edge: "dublin" })[0]).toBe("https://flex-api.dublin.ie1.twilio.com");
  });

  it("refuse a region that has no known edge, and labels that are not host names", () => {
    expect(() => hosts({ region: "xx9" })).toThrow(/region "xx9" needs an edge/);
    expect(() => hosts({ edge: "evil.example.com#" })).toThrow(TwilioConfigError);
    expect(() => hosts({ region: "ie1/", edge: "dublin" })).toThrow(/region must be a host name label/);
  });

  it("take explicit overrides, per API", () => {
    expect(hosts({ baseUrls: { flex: "http://127.0.0.1:4010/" } })).toEqual([
      "http://127.0.0.1:4010",
      "https://proxy.twilio.com",
    ]);
    expect(hosts({ baseUrls: { proxy: "https://proxy.example.test/twilio" } })[1]).toBe(
      "https://proxy.example.test/twilio",
    );
    expect(hosts({ baseUrls: { flex: "http://localhost:1234" } })[0]).toBe("http://localhost:1234");
    expect(hosts({ baseUrls: { flex: "http://[::1]:1234" } })[0]).toBe("http://[::1]:1234");
  });

  it.each([
    ["http://flex-api.example.test", /must use https \(plain http is allowed only for localhost\)/],
    ["http://10.0.0.1:4010", /must use https/],
    ["ftp://127.0.0.1", /must use https/],
    ["not a url", /is not an absolute URL/],
    ["https://user:pass@flex.example.test", /must not contain credentials/],
    ["https://flex.example.test/?x=1", /must not have a query or fragment/],
  ])("refuse %s", (url, message) => {
    expect(() => hosts({ baseUrls: { flex: url } })).toThrow(message);
    expect(() => hosts({ baseUrls: { flex: url } })).toThrow(TwilioConfigError);
  });

  it("refuse unknown baseUrls keys and unknown options", () => {
    expect(() => hosts({ baseUrls: { flexx: "https://x.test" } })).toThrow(
      /baseUrls takes "flex" and "proxy", not "flexx"/,
    );
    expect(() => hosts({ baseUrl: "https://x.test" })).toThrow(/Unknown option "baseUrl"/);
  });
});
