// Node, as CommonJS: `require` of the installed package.
const sdk = require("twilio-interactions");
const testing = require("twilio-interactions/testing");

import("./suites.mjs")
  .then(({ runSuite }) => runSuite(sdk, testing, JSON.parse(process.argv[2])))
  .then((result) => console.log(JSON.stringify(result)));
