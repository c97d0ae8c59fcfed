// A text with its word-level changes marked: <del> and <ins>, each opened and closed by words a
// screen reader says ("verwijderd:", "toegevoegd:", "einde"), since the marks alone are not read.
// The whole text is shown, never shortened; line breaks are kept (npo-diff-text).
import { wordDiff } from '../../../platform/text/word-diff.ts';

const spoken = {
  removed: { open: 'verwijderd: ', Tag: 'del' },
  added: { open: 'toegevoegd: ', Tag: 'ins' },
} as const;

export function MarkedText({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after);
  if (parts.length === 0) return <span class="npo-diff-text">(leeg)</span>;
  return (
    <span class="npo-diff-text">
      {parts.map((part, n) => {
        if (part.kind === 'same') return part.text;
        const { open, Tag } = spoken[part.kind];
        return (
          <Tag key={n}>
            <span class="npo-visually-hidden">[{open}</span>
            {part.text}
            <span class="npo-visually-hidden"> einde]</span>
          </Tag>
        );
      })}
    </span>
  );
}
