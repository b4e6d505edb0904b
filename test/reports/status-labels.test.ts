import { describe, expect, it } from 'vitest';
import type { Cooperative, Registration } from '../../functions/domain/schemas';
import {
  cooperativeStatusLabel,
  coverageStatus,
  registrationStatusLabel,
} from '../../functions/domain/statuses';
import { cooperativeCoverage } from '../../functions/reports/coverage';
import { unreachedStatus } from '../../functions/reports/laporan';
import { outreachStates } from '../../functions/services/outreach';

const cooperative = (id: string): Cooperative =>
  ({
    id,
    name: `Koperasi Desa Merah Putih ${id}`,
    villageName: `Desa ${id}`,
    districtCode: '62.02.01',
    districtName: 'Mentawa Baru Ketapang',
    regencyCode: '62.02',
  }) as Cooperative;

const registration = (cooperativeId: string, status: Registration['status']): Registration =>
  ({
    id: `r-${cooperativeId}`,
    cooperativeId,
    status,
    participants: [{ id: `p-${cooperativeId}` }],
  }) as Registration;

describe('one status vocabulary', () => {
  it('a waitlisted cooperative reads "Daftar tunggu" in the laporan, the reports and the outreach list', () => {
    const [waiting, absent, silent] = ['62.02.01.2001', '62.02.01.2002', '62.02.01.2003'].map(
      cooperative,
    ) as [Cooperative, Cooperative, Cooperative];
    const coverage = cooperativeCoverage([
      {
        eventId: 'e1',
        invited: [waiting, absent, silent],
        registrations: [registration(waiting.id, 'waitlisted'), registration(absent.id, 'confirmed')],
        checkins: [],
      },
    ]);
    const label = (id: string) => unreachedStatus(coverage.find((c) => c.cooperative.id === id) as never);
    expect(label(waiting.id)).toBe('Daftar tunggu');
    expect(label(absent.id)).toBe('Terdaftar, tidak hadir');
    expect(label(silent.id)).toBe('Belum mendaftar');
    // The outreach page and the exports take the same words from the same catalogue.
    expect(cooperativeStatusLabel('waitlisted')).toBe(registrationStatusLabel('waitlisted'));
    expect(outreachStates.map((s) => cooperativeStatusLabel(s))).toContain('Daftar tunggu');
    expect(unreachedStatus(coverage[0] as never, 'en')).toMatch(/Waiting list|Registered|Not registered/);
  });

  it('present beats registered beats waitlisted', () => {
    expect(coverageStatus({ registeredFor: 1, waitlistedFor: 1, attended: 1 })).toBe('present');
    expect(coverageStatus({ registeredFor: 1, waitlistedFor: 1, attended: 0 })).toBe('registered_absent');
    expect(coverageStatus({ registeredFor: 0, waitlistedFor: 1, attended: 0 })).toBe('waitlisted');
    expect(coverageStatus({ registeredFor: 0, attended: 0 })).toBe('not_registered');
  });
});
