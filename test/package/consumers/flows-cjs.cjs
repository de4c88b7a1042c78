// A Node CommonJS consumer running the contact-centre flows against the emulator.
const sdk = require("twilio-interactions");
const testing = require("twilio-interactions/testing");

import("./flows-scenario.mjs")
  .then(({ flowsScenario }) => flowsScenario(sdk, testing))
  .then((result) => console.log(JSON.stringify(result)));
