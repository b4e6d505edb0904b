import type { AuditEntry } from '../../../domain/accounts';
import { formatDateTime } from '../../../domain/time';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, pageFrame } from '../../pages/admin/layout';
import { DataTable } from '../kit';
import { auditText } from './copy';

export function AuditPage(props: ConsolePageProps & { entries: AuditEntry[]; cursor?: string }) {
  const title = consoleText(props.language).audit;
  const text = auditText(props.language);
  return (
    <ConsoleLayout {...pageFrame(props, title)}>
      <h1>{title}</h1>
      <DataTable
        rows={props.entries}
        headerWhenEmpty
        columns={[
          { header: text.when, cell: (entry) => formatDateTime(entry.at, 'Asia/Jakarta', props.language) },
          { header: text.who, cell: (entry) => entry.actorEmail },
          {
            header: text.what,
            cell: (entry) => (
              <>
                {entry.action}
                {entry.detail ? <div class="muted">{entry.detail}</div> : null}
              </>
            ),
          },
          { header: text.target, cell: (entry) => `${entry.targetType} ${entry.targetId}` },
        ]}
      />
      {props.cursor ? (
        <p>
          <a class="button secondary" href={`/admin/audit?cursor=${encodeURIComponent(props.cursor)}`}>
            {text.older}
          </a>
        </p>
      ) : null}
    </ConsoleLayout>
  );
}
