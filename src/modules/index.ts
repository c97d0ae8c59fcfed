// Every module of the platform, in menu order: the only list of modules. The app, the CLI, the
// demo data, the job runner and the benchmarks all read their parts from these descriptors.
import type { ModuleDescriptor } from '../platform/module.ts';
import { opsModule } from './ops/index.ts';
import { siteModule } from './site/index.ts';
import { accountsModule } from './accounts/index.ts';
import { organisationsModule } from './organisations/index.ts';
import { menukaartModule } from './menukaart/index.ts';
import { fundingModule } from './funding/index.ts';
import { schoolscanModule } from './schoolscan/index.ts';
import { schoolprogrammaModule } from './schoolprogramma/index.ts';
import { verantwoordingModule } from './verantwoording/index.ts';
import { duoImportModule } from './duo-import/index.ts';
import { nationalModule } from './national/index.ts';

export const modules: ModuleDescriptor[] = [
  opsModule,
  siteModule,
  accountsModule,
  organisationsModule,
  menukaartModule,
  fundingModule,
  schoolscanModule,
  schoolprogrammaModule,
  verantwoordingModule,
  duoImportModule,
  nationalModule,
];
