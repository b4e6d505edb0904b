import { describe, expect, it } from 'vitest';
import { searchCooperatives } from '../../functions/domain/cooperative-search';
import {
  applyRegistrationChange,
  isInvited,
  prepareRegistration,
  registrationOpen,
} from '../../functions/domain/registration';
import { registrationInput } from '../../functions/domain/schemas';
import { isTicketCode, ticketCodeFor, ticketCodeFrom, ticketHash } from '../../functions/domain/tokens';
import { makeEvent, registrationBody } from '../helpers/store';

const cooperative = {
  id: '62.02.06.2005',
  name: 'Koperasi Desa Merah Putih Pelangsian',
  villageCode: '62.02.06.2005',
  villageName: 'Pelangsian',
  villageType: 'desa' as const,
  districtCode: '62.02.06',
  districtName: 'Mentawa Baru Ketapang',
  regencyCode: '62.02',
  regencyName: 'Kabupaten Kotawaringin Timur',
};
const now = new Date();

describe('registration rules', () => {
  it('is open until the deadline, and never for an unpublished or cancelled session', () => {
    const event = makeEvent();
    expect(registrationOpen(event, now)).toBe(true);
    expect(registrationOpen(event, new Date(Date.parse(event.registrationDeadline)))).toBe(false);
    expect(registrationOpen({ ...event, published: false }, now)).toBe(false);
    expect(registrationOpen({ ...event, cancelled: true }, now)).toBe(false);
  });

  it('invites only the chosen kecamatan when some are chosen', () => {
    expect(isInvited(makeEvent(), cooperative)).toBe(true);
    expect(isInvited(makeEvent({ invitedDistrictCodes: ['62.02.01'] }), cooperative)).toBe(false);
    expect(isInvited(makeEvent({ regencyCode: '62.01' }), cooperative)).toBe(false);
  });

  it('records consent with the exact text, version, language and time', () => {
    const registration = prepareRegistration(
      registrationBody(cooperative.id, 2, 1),
      makeEvent(),
      cooperative,
      now,
      'en',
    );
    expect(registration.consent).toMatchObject({ language: 'en', givenAt: now.toISOString() });
    expect(registration.consent.text).toMatch(/I agree/);
  });

  it('refuses two officers with the same phone in one registration, naming the field', () => {
    const body = registrationBody(cooperative.id, 2, 1);
    body.participants[1] = {
      ...body.participants[1],
      name: 'Dua',
      role: 'bendahara',
      phone: body.participants[0]?.phone,
    };
    expect(() => prepareRegistration(body, makeEvent(), cooperative, now, 'id')).toThrowError(
      expect.objectContaining({
        code: 'validation',
        issues: [expect.objectContaining({ path: ['participants', 1, 'phone'] })],
      }),
    );
  });

  it('keeps the ticket of an officer whose details change, and re-issues it for a substitute (a new id)', () => {
    const event = makeEvent();
    const registration = prepareRegistration(
      registrationBody(cooperative.id, 2, 1),
      event,
      cooperative,
      now,
      'id',
    );
    const [a, b] = registration.participants;
    const changed = applyRegistrationChange(
      registration,
      {
        participants: [
          { id: a?.id, name: a?.name as string, role: 'ketua', phone: '+6281200000001' },
          { id: b?.id, name: 'Pengganti', role: 'bendahara' },
        ],
      },
      event,
      now,
      'id',
    );
    // Ticket codes are derived from participant ids: same id, same ticket; a new id, a new one.
    expect(changed.participants[0]?.id).toBe(a?.id);
    expect(changed.participants[1]?.id).not.toBe(b?.id);
    expect(changed.participants.every((participant) => !('ticketCode' in participant))).toBe(true);
    expect(changed.version).toBe(registration.version + 1);
  });
});

describe('input schema', () => {
  it('treats empty optional form fields as absent and normalizes phones and emails', () => {
    const parsed = registrationInput.parse({
      cooperativeId: cooperative.id,
      contact: { name: '  Siti  ', phone: '0812 3456 7890', email: 'Siti@Example.ORG' },
      participants: [{ name: 'Budi', role: 'ketua', phone: '', email: '' }],
      consent: true,
    });
    expect(parsed.contact).toEqual({ name: 'Siti', phone: '+6281234567890', email: 'siti@example.org' });
    expect(parsed.participants[0]).toEqual({ name: 'Budi', role: 'ketua' });
  });

  it('refuses control characters such as null bytes in names', () => {
    const result = registrationInput.safeParse({
      ...registrationBody(cooperative.id, 1, 1),
      participants: [{ name: 'Bu\u0000di', role: 'ketua' }],
    });
    expect(result.success).toBe(false);
  });
});

it('searches cooperatives by village prefix, ignoring case and accents', () => {
  const other = {
    ...cooperative,
    id: '62.02.01.1009',
    name: 'Koperasi Kelurahan Merah Putih Kota Besi Hulu',
    villageName: 'Kota Besi Hulu',
    districtCode: '62.02.01',
    districtName: 'Kota Besi',
  };
  expect(searchCooperatives([cooperative, other], { q: 'PELANG' })).toEqual([cooperative]);
  expect(searchCooperatives([cooperative, other], { q: 'besi hu' })).toEqual([other]);
  expect(searchCooperatives([cooperative, other], { q: 'mentawa' })).toEqual([cooperative]);
  expect(searchCooperatives([cooperative, other], { districtCode: '62.02.01' })).toEqual([other]);
});

describe('ticket codes', () => {
  const key = 'ticket-key-one-0123456789abcdef0123456789';
  const otherKey = 'ticket-key-two-0123456789abcdef0123456789';

  it('derives the same 26-character Crockford code from the same key and participant id, every time', () => {
    const code = ticketCodeFor(key, 'k3m9q2xht5rvb8n4');
    expect(code).toHaveLength(26);
    expect(isTicketCode(code)).toBe(true);
    expect(ticketCodeFor(key, 'k3m9q2xht5rvb8n4')).toBe(code);
    expect(ticketCodeFrom(`https://hadir.example/t/${code}`)).toBe(code);
  });

  it('derives unrelated codes for another participant or under another key', () => {
    const code = ticketCodeFor(key, 'k3m9q2xht5rvb8n4');
    expect(ticketCodeFor(key, 'k3m9q2xht5rvb8n5')).not.toBe(code);
    expect(ticketCodeFor(otherKey, 'k3m9q2xht5rvb8n4')).not.toBe(code);
    const codes = new Set(Array.from({ length: 1000 }, (_, i) => ticketCodeFor(key, `participant-${i}`)));
    expect(codes.size).toBe(1000);
  });

  it('hashes a code into something that neither contains nor reveals it', () => {
    const code = ticketCodeFor(key, 'k3m9q2xht5rvb8n4');
    expect(ticketHash(code)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ticketHash(code)).not.toContain(code);
    expect(ticketHash(code)).toBe(ticketHash(code));
  });
});

it('reads a ticket code from a scanned URL or the bare code', () => {
  const code = '0123456789ABCDEFGHJKMNPQRS';
  expect(ticketCodeFrom(`https://hadir.example/t/${code}`)).toBe(code);
  expect(ticketCodeFrom(` ${code.toLowerCase()} `)).toBe(code);
  expect(ticketCodeFrom('https://evil.example/x')).toBeNull();
});

describe('the same officer twice in one group', () => {
  const issuesOf = (names: string[], phones: (string | undefined)[]) => {
    const body = registrationBody(cooperative.id, names.length, 1);
    body.participants.forEach((participant, index) => {
      participant.name = names[index] as string;
      participant.phone = phones[index];
    });
    try {
      prepareRegistration(body, makeEvent({ maxPerCooperative: 5 }), cooperative, now, 'id');
      return [];
    } catch (error) {
      return ((error as { issues?: { path: (string | number)[]; code?: string }[] }).issues ?? []).map(
        (issue) => `${issue.path.join('.')} ${issue.code}`,
      );
    }
  };

  it('is refused by name, however it is spaced, capitalised or dotted, and by phone', () => {
    expect(
      issuesOf(
        ['Budi Santoso', 'budi  santoso', 'H. Ahmad', 'h ahmad', 'Rina Wati'],
        ['+6281311112222', undefined, undefined, undefined, '+6281311112222'],
      ),
    ).toEqual([
      'participants.1.name duplicate_name_in_request',
      'participants.3.name duplicate_name_in_request',
      'participants.4.phone duplicate_phone_in_request',
    ]);
  });

  it('lets distinct officers through', () => {
    expect(issuesOf(['Budi Santoso', 'Budi Santosa'], ['+6281311112222', '+6281311113333'])).toEqual([]);
  });

  it('refuses a cooperative the session does not invite as a field error, not a missing page', () => {
    const body = registrationBody(cooperative.id, 1, 2);
    const event = makeEvent({ invitedDistrictCodes: ['62.02.01'] });
    expect(() => prepareRegistration(body, event, cooperative, now, 'id')).toThrow(
      expect.objectContaining({
        code: 'validation',
        issues: [expect.objectContaining({ code: 'cooperative_not_invited' })],
      }),
    );
  });
});
