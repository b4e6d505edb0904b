import type { User } from '../../../domain/accounts';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { assignmentsText } from './copy';

export function AssignmentsPage(
  props: ConsolePageProps & {
    assistants: User[];
    selected?: User;
    assigned: string[];
    cooperatives: { id: string; name: string; districtName: string }[];
    errors?: string[];
  },
) {
  const shared = consoleText(props.language);
  const text = assignmentsText(props.language);
  const assigned = new Set(props.assigned);
  return (
    <ConsoleLayout {...pageFrame(props, shared.assignments)}>
      <h1>{shared.assignments}</h1>
      <form method="get" action="/admin/pendamping" class="inline">
        <div>
          <label for="ba">{shared.assistant}</label>
          <select id="ba" name="ba">
            {props.assistants.map((a) => (
              <option value={a.id} selected={props.selected?.id === a.id}>
                {`${a.name} (${a.email})`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {shared.edit}
        </button>
      </form>
      {props.selected ? (
        <form method="post" action={`/admin/pendamping/${props.selected.id}`} class="card">
          <Csrf token={props.csrfToken} />
          <h2>{`${text.assignFor} ${props.selected.name}`}</h2>
          <div class="checks">
            {props.cooperatives.map((coop) => (
              <label>
                <input
                  type="checkbox"
                  name="cooperativeIds"
                  value={coop.id}
                  checked={assigned.has(coop.id)}
                />
                {`${coop.name} · ${coop.districtName}`}
              </label>
            ))}
          </div>
          <p>
            <button type="submit">{shared.save}</button>
          </p>
        </form>
      ) : null}
      <form method="post" action="/admin/pendamping/impor" enctype="multipart/form-data" class="card">
        <Csrf token={props.csrfToken} />
        <h2>{text.importCsv}</h2>
        <p class="muted">{text.csvHint}</p>
        <input type="file" name="csv" accept=".csv,text/csv" required aria-label={text.importCsv} />
        {(props.errors ?? []).map((message) => (
          <p class="error">{message}</p>
        ))}
        <p>
          <button type="submit">{text.upload}</button>
        </p>
      </form>
    </ConsoleLayout>
  );
}
