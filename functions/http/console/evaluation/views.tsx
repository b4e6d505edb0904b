import {
  type EvaluationForm,
  type EvaluationSummary,
  groupBy,
  MAX_CLOSE_DAYS,
  MAX_SCALES,
  responseRate,
} from '../../../domain/evaluation';
import type { EventRecord } from '../../../domain/schemas';
import { formatDateTime } from '../../../domain/time';
import { ConsoleLayout, type ConsolePageProps, Csrf, pageFrame } from '../../pages/admin/layout';
import { type Column, DataTable, type FieldErrors } from '../kit';
import { type EvaluationCopy, evaluationText } from './copy';

type Scale = EvaluationSummary['scales'][number];
type Need = EvaluationSummary['needs'][number];

const BAR_COLORS = ['#a00d24', '#d9534f', '#a15c00', '#4f8a5b', '#14804a'];

/**
 * A scale question's answers as five horizontal bars (score 1 at the top), drawn as inline SVG: no chart library,
 * nothing to load, and it prints and works offline. Each bar carries its count as text.
 */
export function DistributionChart({ scale, text }: { scale: Scale; text: EvaluationCopy }) {
  const labelWidth = 22;
  const barWidth = 200;
  const rowHeight = 20;
  const width = labelWidth + barWidth + 40;
  const height = rowHeight * 5 + 4;
  const max = Math.max(1, ...scale.distribution);
  const title = text.chartTitle(scale.label, scale.average === null ? '–' : String(scale.average));
  return (
    <svg
      class="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
    >
      <title>{title}</title>
      {scale.distribution.map((count, index) => {
        const y = 2 + index * rowHeight;
        const filled = Math.round((count / max) * barWidth);
        return (
          <g>
            <title>{text.bar(index + 1, count)}</title>
            <text x={labelWidth - 8} y={y + 14} text-anchor="end" font-size="12" fill="#1d1d1f">
              {String(index + 1)}
            </text>
            <rect x={labelWidth} y={y + 3} width={barWidth} height="14" rx="2" fill="#eeeef2" />
            <rect x={labelWidth} y={y + 3} width={filled} height="14" rx="2" fill={BAR_COLORS[index]} />
            <text x={labelWidth + barWidth + 6} y={y + 14} font-size="12" fill="#1d1d1f">
              {String(count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const needLine = (need: Need, withAssistant: boolean) =>
  [need.cooperativeName, need.districtName, withAssistant ? need.assistantName : undefined]
    .filter(Boolean)
    .join(' · ');

function NeedGroups(props: {
  needs: readonly Need[];
  labelOf: (need: Need) => string | undefined;
  none: string;
  withAssistant: boolean;
  text: EvaluationCopy;
  id: string;
}) {
  const groups = groupBy(props.needs, props.labelOf, props.none);
  if (!groups.length) return <p>{props.text.none}</p>;
  return (
    <div id={props.id}>
      {groups.map((group) => (
        <section data-group={group.label}>
          <h4>{`${group.label} (${group.items.length})`}</h4>
          <ul>
            {group.items.map((need) => (
              <li>
                <span class="pre">{need.text}</span>{' '}
                <span class="muted">{`— ${needLine(need, props.withAssistant)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function EvaluationResultsPage(
  props: ConsolePageProps & {
    event: EventRecord;
    summary: EvaluationSummary;
    closesAt: Date;
    now: Date;
    /** Organizers and admins; a Business Assistant sees only their cooperatives' needs. */
    full: boolean;
    canManage: boolean;
  },
) {
  const { event, summary, language } = props;
  const text = evaluationText(language);
  const when = formatDateTime(props.closesAt.toISOString(), event.timeZone, language);
  const base = `/admin/acara/${event.id}/evaluasi`;
  const columns: Column<Scale>[] = [
    { header: text.question, cell: (s) => s.label },
    {
      header: text.average,
      cell: (s) =>
        s.average === null ? '–' : s.average.toFixed(2).replace('.', language === 'id' ? ',' : '.'),
    },
    { header: text.answers, cell: (s) => String(s.distribution.reduce((a, b) => a + b, 0)) },
    { header: text.distribution, cell: (s) => <DistributionChart scale={s} text={text} /> },
  ];
  return (
    <ConsoleLayout {...pageFrame(props, `${text.title}: ${event.title}`)}>
      <p>
        <a href={`/admin/acara/${event.id}`}>{text.back}</a>
      </p>
      <h1>{`${text.title}: ${event.title}`}</h1>
      {props.full ? (
        <>
          <p data-response-rate>
            <strong>{text.rate(summary.responses, summary.eligible, responseRate(summary))}</strong>{' '}
            <span class="muted">
              {props.now.getTime() < props.closesAt.getTime() ? text.closes(when) : text.closed(when)}
            </span>
          </p>
          <div class="actions">
            {props.canManage ? (
              <>
                <a class="button" href={`${base}/formulir`}>
                  {text.editForm}
                </a>
                <a class="button secondary" href={`${base}/ekspor/csv`} download>
                  {text.downloadCsv}
                </a>
                <a class="button secondary" href={`${base}/ekspor/xlsx`} download>
                  {text.downloadXlsx}
                </a>
              </>
            ) : null}
          </div>
          <h2>{text.scales}</h2>
          <DataTable
            id="scales"
            columns={columns}
            rows={summary.scales}
            empty={text.noAnswers}
            rowAttributes={(s) => ({ 'data-scale': s.key })}
          />
          <h2>{text.mostUseful}</h2>
          {summary.mostUseful.length ? (
            <ul id="most-useful">
              {summary.mostUseful.map((line) => (
                <li class="pre">{line}</li>
              ))}
            </ul>
          ) : (
            <p>{text.none}</p>
          )}
          <h2>{text.needs}</h2>
          <h3>{text.needsByDistrict}</h3>
          <NeedGroups
            id="needs-by-district"
            needs={summary.needs}
            labelOf={(n) => n.districtName}
            none={text.noDistrict}
            withAssistant
            text={text}
          />
          <h3>{text.needsByAssistant}</h3>
          <NeedGroups
            id="needs-by-assistant"
            needs={summary.needs}
            labelOf={(n) => n.assistantName}
            none={text.noAssistant}
            withAssistant={false}
            text={text}
          />
        </>
      ) : (
        <>
          <h2>{text.myNeeds}</h2>
          <NeedGroups
            id="needs-by-district"
            needs={summary.needs}
            labelOf={(n) => n.districtName}
            none={text.noDistrict}
            withAssistant={false}
            text={text}
          />
        </>
      )}
    </ConsoleLayout>
  );
}

export type FormValues = {
  scales: { key: string; label: string; labelEn?: string }[];
  closesAfterDays: string | number;
  newLabel?: string;
  newLabelEn?: string;
};

export function EvaluationFormPage(
  props: ConsolePageProps & { event: EventRecord; values: FormValues; answers: number; errors?: FieldErrors },
) {
  const { event, language, values } = props;
  const text = evaluationText(language);
  const errors = props.errors ?? {};
  const err = (path: string) =>
    errors[path] ? (
      <p class="error" id={`${path}-error`}>
        {errors[path]}
      </p>
    ) : null;
  const described = (path: string) =>
    errors[path] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${path}-error` } : {};
  const room = values.scales.length < MAX_SCALES;
  return (
    <ConsoleLayout {...pageFrame(props, `${text.formTitle}: ${event.title}`)}>
      <p>
        <a href={`/admin/acara/${event.id}/evaluasi`}>{text.title}</a>
      </p>
      <h1>{`${text.formTitle}: ${event.title}`}</h1>
      <p>{text.formIntro}</p>
      {props.answers ? <p class="muted">{text.answeredAlready(props.answers)}</p> : null}
      <form method="post" action={`/admin/acara/${event.id}/evaluasi/formulir`}>
        <Csrf token={props.csrfToken} />
        {err('scales')}
        {values.scales.map((scale, index) => (
          <fieldset>
            <legend>{`${index + 1}. ${scale.label || scale.key}`}</legend>
            <input type="hidden" name={`scales.${index}.key`} value={scale.key} />
            <label for={`scales-${index}-label`}>{text.label}</label>
            <input
              id={`scales-${index}-label`}
              name={`scales.${index}.label`}
              value={scale.label}
              {...described(`scales.${index}.label`)}
            />
            {err(`scales.${index}.label`)}
            <label for={`scales-${index}-labelEn`}>{text.labelEn}</label>
            <input
              id={`scales-${index}-labelEn`}
              name={`scales.${index}.labelEn`}
              value={scale.labelEn ?? ''}
            />
            <label>
              <input type="checkbox" name={`scales.${index}.remove`} value="true" />
              {text.remove}
            </label>
          </fieldset>
        ))}
        {room ? (
          <fieldset>
            <legend>{text.newQuestion}</legend>
            <label for="newLabel">{text.label}</label>
            <input id="newLabel" name="newLabel" value={values.newLabel ?? ''} />
            <label for="newLabelEn">{text.labelEn}</label>
            <input id="newLabelEn" name="newLabelEn" value={values.newLabelEn ?? ''} />
          </fieldset>
        ) : null}
        <label for="closesAfterDays">{text.closesAfterDays}</label>
        <input
          id="closesAfterDays"
          name="closesAfterDays"
          type="number"
          min="0"
          max={String(MAX_CLOSE_DAYS)}
          value={String(values.closesAfterDays)}
          {...described('closesAfterDays')}
        />
        {err('closesAfterDays')}
        <div class="actions">
          <button type="submit">{text.save}</button>
        </div>
      </form>
    </ConsoleLayout>
  );
}

export const formValuesOf = (form: EvaluationForm): FormValues => ({
  scales: form.scales.map((s) => ({
    key: s.key,
    label: s.label,
    ...(s.labelEn ? { labelEn: s.labelEn } : {}),
  })),
  closesAfterDays: form.closesAfterDays,
});
