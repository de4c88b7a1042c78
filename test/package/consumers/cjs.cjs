// A Node CommonJS consumer (Twilio Functions, many Lambdas): `require` of the
// installed package, which must resolve to the CommonJS build and work at run
// time, not only type-check. Only the shared scenario is loaded with import().
// A failure is an unhandled rejection, which exits non-zero.
const sdk = require("twilio-interactions");

import("./scenario.mjs")
  .then(({ scenario }) => scenario(sdk, JSON.parse(process.env.SMOKE_CONFIG)))
  .then((result) => console.log(JSON.stringify({ entry: require.resolve("twilio-interactions"), result })));
