import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  defaultEvaluationForm,
  type EvaluationAnswer,
  evaluationAnswerInput,
  evaluationClosesAt,
  evaluationFormSchema,
  evaluationOpen,
  groupBy,
  newScaleKey,
  responseRate,
  summarise,
} from '../../functions/domain/evaluation';
import { localizeIssues } from '../../functions/domain/messages';

const answer = (scores: Record<string, number>, extra: Partial<EvaluationAnswer> = {}): EvaluationAnswer => ({
  scores,
  mostUseful: '',
  needs: '',
  eventId: 'e1',
  participantId: `p${Math.random()}`,
  registrationId: 'r1',
  cooperativeId: '62.02.01.2001',
  cooperativeName: 'Koperasi Desa Merah Putih Pelangsian',
  districtCode: '62.02.01',
  answeredAt: '2025-10-23T05:00:00.000Z',
  ...extra,
});

describe('evaluation summary', () => {
  it('averages each scale to two decimals and counts every score in its bar', () => {
    const answers = [
      answer({ materi: 5, narasumber: 4, waktu: 3, tempat: 2, pelayanan: 1 }),
      answer({ materi: 4, narasumber: 4, waktu: 3, tempat: 5, pelayanan: 5 }),
      answer({ materi: 4, narasumber: 5, waktu: 1, tempat: 5, pelayanan: 5 }),
    ];
    const summary = summarise(defaultEvaluationForm, answers, 8);
    expect(summary.eligible).toBe(8);
    expect(summary.responses).toBe(3);
    expect(responseRate(summary)).toBe(38);
    const materi = summary.scales.find((s) => s.key === 'materi');
    expect(materi).toEqual({ key: 'materi', label: 'Materi', average: 4.33, distribution: [0, 0, 0, 2, 1] });
    expect(summary.scales.find((s) => s.key === 'waktu')?.distribution).toEqual([1, 0, 2, 0, 0]);
    expect(summary.scales.map((s) => s.key)).toEqual([
      'materi',
      'narasumber',
      'waktu',
      'tempat',
      'pelayanan',
    ]);
  });

  it('shows no average for a question nobody answered, and no rate when nobody checked in', () => {
    const form = { ...defaultEvaluationForm, scales: [{ key: 'konsumsi', label: 'Konsumsi' }] };
    const summary = summarise(form, [answer({ materi: 5 })], 0);
    expect(summary.scales).toEqual([
      { key: 'konsumsi', label: 'Konsumsi', average: null, distribution: [0, 0, 0, 0, 0] },
    ]);
    expect(responseRate(summary)).toBe(0);
  });

  it('lists free text oldest first without blanks, needs with kecamatan and Business Assistant', () => {
    const answers = [
      answer(
        {},
        {
          needs: '  Pendampingan akta notaris ',
          answeredAt: '2025-10-23T07:00:00Z',
          districtName: 'Baamang',
        },
      ),
      answer({}, { mostUseful: 'Alur pendirian', answeredAt: '2025-10-23T06:00:00Z' }),
      answer({}, { mostUseful: '   ', needs: 'NIB', answeredAt: '2025-10-23T08:00:00Z', cooperativeId: 'x' }),
    ];
    const summary = summarise(defaultEvaluationForm, answers, 3, {
      language: 'en',
      assistantOf: (id) => (id === 'x' ? undefined : 'Rahmat Hidayat'),
    });
    expect(summary.mostUseful).toEqual(['Alur pendirian']);
    expect(summary.needs.map(({ cooperativeName: _, ...need }) => need)).toEqual([
      { text: 'Pendampingan akta notaris', districtName: 'Baamang', assistantName: 'Rahmat Hidayat' },
      { text: 'NIB' },
    ]);
    expect(summary.scales[0]?.label).toBe('Content');
  });

  it('groups by label with the unlabelled group last', () => {
    const groups = groupBy(
      [{ d: 'Mentawa Baru' }, { d: undefined }, { d: 'Baamang' }, { d: 'Baamang' }],
      (x) => x.d,
      '—',
    );
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Baamang', 2],
      ['Mentawa Baru', 1],
      ['—', 1],
    ]);
  });
});

describe('evaluation validation', () => {
  const input = evaluationAnswerInput(defaultEvaluationForm);

  it('takes form fields as numbers and trims the free text', () => {
    const parsed = z.parse(input, {
      scores: { materi: '5', narasumber: '4', waktu: '3', tempat: '2', pelayanan: '1' },
      mostUseful: '  Materi SIMKOPDES ',
    });
    expect(parsed).toEqual({
      scores: { materi: 5, narasumber: 4, waktu: 3, tempat: 2, pelayanan: 1 },
      mostUseful: 'Materi SIMKOPDES',
      needs: '',
    });
  });

  it('asks for every score in Bahasa Indonesia and English, and refuses scores outside 1-5 and unknown questions', () => {
    const result = z.safeParse(input, {
      scores: { materi: '', narasumber: '6', waktu: '2.5', tempat: '3', pelayanan: '3', lain: '4' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const id = localizeIssues(result.error, 'id');
    const en = localizeIssues(result.error, 'en');
    const byPath = (issues: typeof id) =>
      Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath(id)).toMatchObject({
      'scores.materi': 'Pilih nilai 1 sampai 5.',
      'scores.narasumber': 'Pilih nilai 1 sampai 5.',
      'scores.waktu': 'Pilih nilai 1 sampai 5.',
    });
    expect(byPath(en)['scores.materi']).toBe('Choose a score from 1 to 5.');
    expect(id.some((i) => i.path.join('.') === 'scores' || i.code === 'invalid_choice')).toBe(true);
  });

  it('limits free text and refuses control characters but keeps line breaks', () => {
    const scores = { materi: 5, narasumber: 5, waktu: 5, tempat: 5, pelayanan: 5 };
    expect(z.safeParse(input, { scores, needs: 'x'.repeat(2001) }).success).toBe(false);
    expect(z.safeParse(input, { scores, needs: 'a\u0000b' }).success).toBe(false);
    expect(z.safeParse(input, { scores, needs: 'baris satu\r\nbaris dua' }).success).toBe(true);
  });

  it('validates a form definition: unique keys, at most 12 scales, 0-90 closing days', () => {
    expect(
      z.safeParse(evaluationFormSchema, { ...defaultEvaluationForm, closesAfterDays: '14' }).success,
    ).toBe(true);
    expect(z.safeParse(evaluationFormSchema, { ...defaultEvaluationForm, closesAfterDays: 91 }).success).toBe(
      false,
    );
    const twice = {
      scales: [defaultEvaluationForm.scales[0], defaultEvaluationForm.scales[0]],
      closesAfterDays: 7,
    };
    const refused = z.safeParse(evaluationFormSchema, twice);
    expect(refused.success).toBe(false);
    if (!refused.success) expect(localizeIssues(refused.error, 'en')[0]?.message).toMatch(/only once/);
    const many = Array.from({ length: 13 }, (_, i) => ({ key: `q${i}`, label: `Soal ${i}` }));
    expect(z.safeParse(evaluationFormSchema, { scales: many, closesAfterDays: 7 }).success).toBe(false);
  });

  it('makes a unique key from a new question label', () => {
    expect(newScaleKey('Konsumsi & snack', ['materi'])).toBe('konsumsi_snack');
    expect(newScaleKey('Materi', ['materi', 'materi_2'])).toBe('materi_3');
    expect(newScaleKey('123', [])).toBe('pertanyaan');
  });
});

describe('evaluation closing', () => {
  it('closes the given number of days after the session ends', () => {
    const event = { endsAt: '2025-10-23T12:00:00+07:00' };
    expect(evaluationClosesAt(event, { closesAfterDays: 7 }).toISOString()).toBe('2025-10-30T05:00:00.000Z');
    expect(evaluationOpen(event, { closesAfterDays: 7 }, new Date('2025-10-30T04:59:59Z'))).toBe(true);
    expect(evaluationOpen(event, { closesAfterDays: 7 }, new Date('2025-10-30T05:00:00Z'))).toBe(false);
  });
});
