// A module is one area of the platform: it adds routes (and menu items) to the app.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../app.ts';
import type { NavItem } from '../ui/context.ts';

export interface PlatformModule {
  name: string;
  nav?: NavItem[];
  register(app: FastifyInstance, platform: Platform): Promise<void> | void;
}
