// Every benchmark scenario. A module adds its scenario here.
import type { Scenario } from '../harness.ts';
import { startup } from './startup.ts';
import { importDuo } from './import-duo.ts';
import { allocations } from './allocations.ts';
import { national } from './national.ts';

export const scenarios: Scenario[] = [startup, importDuo, allocations, national];
