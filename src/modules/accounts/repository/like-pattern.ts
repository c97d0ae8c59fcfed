// LIKE patterns from user input: the wildcards % and _ (and the escape \) match only themselves.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
