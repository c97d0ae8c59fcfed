// The platform's own benchmark scenarios; each module names its scenarios in its descriptor (bench).
import type { Scenario } from '../harness.ts';
import { startup } from './startup.ts';

export const scenarios: Scenario[] = [startup];
