import * as core from '@actions/core';
import { run } from './action.js';
import { describeError } from './errors.js';
import { nodeVersionProblem } from './node-version.js';

// A promise nobody awaited is a bug; it still ends as one ::error:: line, never a stack trace.
process.on('unhandledRejection', (e) => core.setFailed(`internal error (please report it): ${describeError(e)}`));

const tooOld = nodeVersionProblem(process.versions.node);
if (tooOld) core.setFailed(tooOld);
else void run();
