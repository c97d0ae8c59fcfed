// The annual report as plain text, to select and paste into the bestuursverslag, with a download.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Heading, Link, Paragraph } from '../../../ui/components.tsx';
import { reportCrumbs, yearBase } from './report-base.ts';

export function ReportTextPage({
  ctx,
  board,
  year,
  text,
  confirmed,
}: {
  ctx: ViewContext;
  board: { id: number; name: string };
  year: number;
  text: string;
  confirmed: boolean;
}) {
  const base = yearBase(board.id, year);
  return (
    <Layout
      ctx={ctx}
      title={`Tekst jaarverslag ${year} ${board.name}`}
      breadcrumbs={[...reportCrumbs(board.id, `Jaarverslag ${year}`, base), { label: 'Tekst' }]}
    >
      <Heading level={1}>Tekst voor uw bestuursverslag over {year}</Heading>
      <Paragraph lead>
        Selecteer de tekst hieronder en plak hem in het hoofdstuk over het Nationaal Programma Onderwijs van
        uw bestuursverslag.{' '}
        {confirmed
          ? 'Het verslag is bevestigd: de cijfers staan vast.'
          : 'Let op: het verslag is nog een concept; de cijfers kunnen nog veranderen.'}
      </Paragraph>
      <div class="utrecht-form-field utrecht-form-field--textarea">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="tekst">
            Tekst van het jaarverslag {year}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="tekst" rows={30} readOnly>
            {text}
          </textarea>
        </div>
      </div>
      <Paragraph>
        <Link href={`${base}/jaarverslag.txt`}>Download de tekst als tekstbestand</Link>
      </Paragraph>
      <Paragraph>
        <Link href={base}>Terug naar het verslag</Link>
      </Paragraph>
    </Layout>
  );
}
