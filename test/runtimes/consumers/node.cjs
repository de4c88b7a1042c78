// Node, as CommonJS: `require` of the installed package.
const sdk = require("twilio-interactions");

import("./cases.mjs")
  .then(({ cases }) => cases(sdk, JSON.parse(process.argv[2])))
  .then((result) => console.log(JSON.stringify(result)));
