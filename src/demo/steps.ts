// The demo steps of each module, in order. A module with demo data adds one line here.
import type { DemoStep } from './seed.ts';
import { accountsDemoStep } from '../modules/accounts/demo.ts';
import { menukaartDemoStep } from '../modules/menukaart/demo.ts';
import { fundingDemoStep } from '../modules/funding/demo.ts';

export const demoSteps: DemoStep[] = [accountsDemoStep, menukaartDemoStep, fundingDemoStep];
