// When a scheduled version cannot be cancelled: why, and the way back.
import type { ViewContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Alert, Heading, Link, Paragraph } from '../../../ui/components.tsx';
import type { VersionRow } from '../repository/versions.ts';
import { redactieCrumb } from './editor-home-page.tsx';

export function CannotCancelPage({
  ctx,
  version,
  reason,
}: {
  ctx: ViewContext;
  version: VersionRow;
  reason: string;
}) {
  return (
    <Layout
      ctx={ctx}
      title="Planning niet geannuleerd"
      breadcrumbs={[redactieCrumb, { label: 'Planning annuleren' }]}
    >
      <Heading level={1}>De planning van {version.title} is niet geannuleerd</Heading>
      <Alert type="error">{reason}</Alert>
      <Paragraph>
        <Link href="/redactie/menukaart">Terug naar de redactie</Link>
      </Paragraph>
    </Layout>
  );
}
