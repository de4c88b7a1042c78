// A Node CommonJS consumer of twilio-interactions/testing: require resolves to
// the CommonJS build; the emulator runs in-process and over loopback HTTP.
const sdk = require("twilio-interactions");
const testing = require("twilio-interactions/testing");

import("./testing-scenario.mjs")
  .then(({ testingScenario }) => testingScenario(sdk, testing, { overHttp: true }))
  .then((result) => console.log(JSON.stringify({ entry: require.resolve("twilio-interactions/testing"), result })));
