// One audit entry's who, what-about and result in words, shared by the page and the CSV.
import { objectTypeInWords } from '../../../platform/audit/words.ts';
import type { AuditRow } from '../repository/audit-search.ts';

export const resultInWords = { ok: 'Gelukt', geweigerd: 'Geweigerd', mislukt: 'Mislukt' } as const;

/** "Sanne Schoolleider (sanne@example.nl)"; the label alone once the person is deleted. */
export function actorInWords(r: Pick<AuditRow, 'actor_name' | 'actor_label'>): string {
  if (r.actor_name && r.actor_label && r.actor_name !== r.actor_label)
    return `${r.actor_name} (${r.actor_label})`;
  return r.actor_name ?? r.actor_label ?? 'Onbekend of niet ingelogd';
}

/** "school Testschool A", "aandachtspunt 12", or empty when the entry is about nothing in particular. */
export function objectInWords(
  r: Pick<AuditRow, 'object_type' | 'object_id'>,
  names: Map<string, string>,
): string {
  if (!r.object_type) return '';
  const type = objectTypeInWords(r.object_type);
  const name = names.get(`${r.object_type}:${r.object_id}`);
  if (name) return `${type} ${name}`;
  return r.object_id ? `${type} ${r.object_id}` : type;
}
