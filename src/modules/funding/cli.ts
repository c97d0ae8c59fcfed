// CLI commands of the funding module: import-duo and import-cbs. They are duo-import's commands
// (duo-import/cli.ts); the funding module registers them because an import from the CLI must
// recompute the amounts afterwards, and the CLI has no event bus on which duo-import could
// publish 'open-data.gewijzigd' (its context has no Platform). On the web, the event does this.
import type { CliContext, Command } from '../../platform/cli/command.ts';
import type { Database } from '../../platform/db/database.ts';
import { formatCents } from '../../platform/i18n/i18n.ts';
import { loadProgramme } from '../../platform/programme.ts';
import { importCommands } from '../duo-import/cli.ts';
import { recomputeAll } from './services/recompute.ts';
import { schoolYearLabels } from './repository/years.ts';

/** Recomputes every school year and says what came out, a line per year with a run. */
export async function recomputeAndReport(database: Database, ctx: CliContext, reason: string): Promise<void> {
  const programme = await loadProgramme(database.db);
  const labels = await schoolYearLabels(database.db);
  for (const r of await recomputeAll(database.db, programme.id, reason)) {
    if (r.runId)
      ctx.out(
        `Bedragen herberekend voor ${labels.get(r.schoolYearId)}: ${r.schools} scholen, totaal ${formatCents(r.totalCents)}`,
      );
  }
}

export const fundingCommands: Command[] = importCommands(recomputeAndReport);
