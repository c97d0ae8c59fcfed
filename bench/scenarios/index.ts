// Every benchmark scenario. A module adds its scenario here.
import type { Scenario } from '../harness.ts';
import { startup } from './startup.ts';
import { home } from './home.ts';
import { login } from './login.ts';
import { menukaart } from './menukaart.ts';

export const scenarios: Scenario[] = [startup, home, login, menukaart];
