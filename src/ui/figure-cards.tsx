// Key figures as a grid of cards: a list (so a screen reader announces how many), each card a
// heading with the figure's name and, under it, its value in large type and one sentence of
// context. Nothing is told by colour alone; the grid reflows to one column at 320 px.
import { Heading, Link } from './components.tsx';

export interface FigureCard {
  label: string;
  value: string;
  description?: string;
  href?: string;
}

export function FigureCards({
  figures,
  level,
  label,
  lang,
}: {
  figures: FigureCard[];
  /** The language of the figures' texts when it differs from the page's (WCAG 3.1.2). */
  lang?: string;
  /** The level of each card's heading (one below the heading the cards stand under). */
  level: 2 | 3 | 4;
  /** The list's accessible name, e.g. 'Kerncijfers'. */
  label: string;
}) {
  return (
    <ul class="npo-figures" aria-label={label} lang={lang}>
      {figures.map((f) => (
        <li class="npo-card npo-figure" key={f.label}>
          <Heading level={level}>{f.href ? <Link href={f.href}>{f.label}</Link> : f.label}</Heading>
          <p class="npo-figure__value">{f.value}</p>
          {f.description && <p class="nl-paragraph npo-figure__description">{f.description}</p>}
        </li>
      ))}
    </ul>
  );
}
