// Schoolprogramma: the school's plan for the programme period — goals answering its scan's focus
// points, interventions from the menu in force, a budget per intervention and school year, the
// money spent, evaluations — and the numbered versions its MR consents to. The board sees its
// schools' plans and their consent; ministry roles see none of it (hard rule 1).
import { defineModule } from '../../platform/module.ts';

export const schoolprogrammaModule = defineModule({
  name: 'schoolprogramma',
  migrations: [500, 599],
});
