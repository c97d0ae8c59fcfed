// Every module of the platform, in menu order. A new module adds one line here.
import type { PlatformModule } from './module.ts';
import { opsModule } from './ops/routes.ts';
import { siteModule } from './site/routes.tsx';
import { accountsModule } from './accounts/routes.tsx';
import { organisationsModule } from './organisations/routes.tsx';
import { menukaartModule } from './menukaart/routes.tsx';
import { fundingModule } from './funding/routes.tsx';
import { duoImportModule } from './duo-import/routes.tsx';

export const modules: PlatformModule[] = [
  opsModule,
  siteModule,
  accountsModule,
  organisationsModule,
  menukaartModule,
  fundingModule,
  duoImportModule,
];
