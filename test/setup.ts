import fc from 'fast-check';

// In CI, properties run from a fixed seed so a red build can be reproduced; locally each run explores anew.
if (process.env.CI) fc.configureGlobal({ seed: 20261126 });
