import { raw } from 'hono/html';
import type { EventRecord } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import { consoleText } from '../../pages/admin/copy';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { FieldError } from '../../pages/layout';
import type { FieldErrors } from '../kit';
import { stationsText } from './copy';

export function StationsPage(
  props: ConsolePageProps & {
    event: EventRecord;
    stations: { id: string; name: string; createdAt: string; revokedAt: string | null }[];
    created?: { name: string; url: string; qrSvg: string };
    errors?: FieldErrors;
  },
) {
  const title = consoleText(props.language).stations;
  const text = stationsText(props.language);
  return (
    <ConsoleLayout {...pageFrame(props, title)}>
      <p>
        <a href={`/admin/acara/${props.event.id}`}>{`← ${props.event.title}`}</a>
      </p>
      <h1>{title}</h1>
      {props.created ? (
        <div class="card">
          <p class="alert ok">{text.stationCreated}</p>
          <h2>{props.created.name}</h2>
          <div class="qr">{raw(props.created.qrSvg)}</div>
          <p class="station-link">
            <a href={props.created.url}>{props.created.url}</a>
          </p>
        </div>
      ) : null}
      <form method="post" action={`/admin/acara/${props.event.id}/stasiun`} class="card inline">
        <Csrf token={props.csrfToken} />
        <div>
          <label for="name">{text.stationName}</label>
          <input id="name" name="name" required maxlength={60} />
          <FieldError message={props.errors?.name} />
        </div>
        <button type="submit">{text.addStation}</button>
      </form>
      {/* No header row: each row reads as a sentence (name, since when, its button). */}
      <table>
        <tbody>
          {props.stations.map((station) => (
            <tr>
              <td>{station.name}</td>
              <td>{formatDateTime(station.createdAt, props.event.timeZone, props.language)}</td>
              <td>
                {station.revokedAt ? (
                  <span class="badge cancelled">{text.revoked}</span>
                ) : (
                  <form method="post" action={`/admin/acara/${props.event.id}/stasiun/${station.id}/cabut`}>
                    <Csrf token={props.csrfToken} />
                    <button type="submit" class="secondary">
                      {text.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}
