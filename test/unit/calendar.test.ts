import { describe, expect, it } from 'vitest';
import { sessionInvitation } from '../../functions/domain/calendar';

const event = {
  id: 'evt123',
  title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur',
  description: 'Dibuka oleh Bupati Kotawaringin Timur.',
  venue: 'Gedung Serbaguna Sampit',
  address: 'Sampit, Kecamatan Mentawa Baru Ketapang',
  startsAt: '2025-10-23T08:30:00+07:00',
  endsAt: '2025-10-23T12:00:00+07:00',
  organizerName: 'Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur',
};
const ticketUrl = 'https://hadir.kotimkab.go.id/t/7K3M9Q2XHT5RVB8N4WJ6CPZD1A';

/** Undo RFC 5545 line folding (CRLF + one space or tab) and read NAME[;params]:value lines. */
function parse(ics: string): Map<string, { params: string; value: string }[]> {
  // A lone CR or LF counts as a break too: that is how a lenient client would read it.
  const lines = ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n|\r|\n/)
    .filter(Boolean);
  const props = new Map<string, { params: string; value: string }[]>();
  for (const line of lines) {
    const match = line.match(/^([A-Z-]+)((?:;[^:]*)?):(.*)$/);
    if (!match) throw new Error(`Not a content line: ${line}`);
    const [, name = '', params = '', value = ''] = match;
    props.set(name, [...(props.get(name) ?? []), { params, value }]);
  }
  return props;
}
const one = (props: ReturnType<typeof parse>, name: string) => props.get(name)?.[0]?.value;
const unescapeText = (value = '') => value.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

describe('sessionInvitation', () => {
  const ics = sessionInvitation({
    event,
    participantId: 'p1',
    ticketUrl,
    attendeeName: 'Ahmad Rizani',
    organizerEmail: 'diskopukmperindag@kotimkab.go.id',
  });
  const props = parse(ics);

  it('is one published VEVENT with CRLF lines of at most 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(props.get('BEGIN')?.map((p) => p.value)).toEqual(['VCALENDAR', 'VEVENT']);
    expect(one(props, 'METHOD')).toBe('PUBLISH');
    expect(one(props, 'VERSION')).toBe('2.0');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes the start and end in UTC', () => {
    expect(one(props, 'DTSTART')).toBe('20251023T013000Z');
    expect(one(props, 'DTEND')).toBe('20251023T050000Z');
  });

  it('carries the title, venue, ticket link and attendee', () => {
    expect(one(props, 'SUMMARY')).toBe(event.title);
    expect(unescapeText(one(props, 'LOCATION'))).toBe(`${event.venue}, ${event.address}`);
    const description = unescapeText(one(props, 'DESCRIPTION'));
    expect(description).toContain(ticketUrl);
    expect(description).toContain('Ahmad Rizani');
    expect(one(props, 'URL')).toBe(ticketUrl);
    expect(props.get('ORGANIZER')?.[0]?.value).toBe('MAILTO:diskopukmperindag@kotimkab.go.id');
  });

  it('keeps the UID stable per event and participant', () => {
    const again = parse(sessionInvitation({ event, participantId: 'p1' }));
    const other = parse(sessionInvitation({ event, participantId: 'p2' }));
    expect(one(again, 'UID')).toBe(one(props, 'UID'));
    expect(one(other, 'UID')).not.toBe(one(props, 'UID'));
    expect(one(props, 'UID')).toContain('evt123');
  });

  it('leaves ORGANIZER out without an address and marks a cancelled event', () => {
    const cancelled = parse(sessionInvitation({ event: { ...event, cancelled: true } }));
    expect(cancelled.has('ORGANIZER')).toBe(false);
    expect(one(cancelled, 'STATUS')).toBe('CANCELLED');
    expect(one(props, 'STATUS')).toBe('CONFIRMED');
  });

  it('escapes user text so it cannot add properties', () => {
    const hostile = parse(
      sessionInvitation({
        event: { ...event, title: 'Rapat\rX-EVIL:1' },
        attendeeName: 'Budi\r\nATTACH:http://evil.example',
        language: 'en',
      }),
    );
    expect(hostile.has('ATTACH')).toBe(false);
    expect(hostile.has('X-EVIL')).toBe(false);
    expect(unescapeText(one(hostile, 'DESCRIPTION'))).toContain('Participant: Budi');
  });
});
