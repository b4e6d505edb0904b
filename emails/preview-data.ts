import type { Participant } from '../functions/domain/schemas';
import type { EventSummary, RegistrationSummary } from './props';

/** Sample data for PreviewProps and tests: the Kotim seed event and a cooperative from Mentawa Baru Ketapang. */
export const previewBaseUrl = 'https://hadir.kotimkab.go.id';

export const previewEvent = {
  id: '3f7k2m9q8xhtvb',
  title: 'Sosialisasi Koperasi Desa dan Kelurahan Merah Putih se-Kotawaringin Timur',
  venue: 'Gedung Serbaguna Sampit',
  address: 'Sampit, Kecamatan Mentawa Baru Ketapang, Kabupaten Kotawaringin Timur, Kalimantan Tengah',
  startsAt: '2025-10-23T08:30:00+07:00',
  endsAt: '2025-10-23T12:00:00+07:00',
  timeZone: 'Asia/Pontianak',
  organizerName: 'Dinas Koperasi, UKM, Perindustrian dan Perdagangan Kabupaten Kotawaringin Timur',
} satisfies EventSummary;

const ketua = {
  id: 'p1a2b3c4d5e6f7',
  name: 'Ahmad Rizani',
  role: 'ketua',
  phone: '+6281251234567',
  email: 'ahmad.rizani@example.com',
  ticketCode: '7K3M9Q2XHT5RVB8N4WJ6CPZD1A',
} satisfies Participant;

const sekretaris = {
  id: 'p2g8h9j0k1m2n3',
  name: 'Siti Aisyah',
  role: 'sekretaris',
  phone: '+6285249876543',
  ticketCode: 'Q4N8V2C6XK1T9RZ3M7HB5WDJ0P',
} satisfies Participant;

const bendahara = {
  id: 'p3p4q5r6s7t8v9',
  name: 'Yohanes Tingang',
  role: 'bendahara',
  ticketCode: 'B2W6Z8R4K0J3T7N1H5X9QMCVDA',
} satisfies Participant;

export const previewOfficers = { ketua, sekretaris, bendahara };
export const previewParticipants: Participant[] = [ketua, sekretaris, bendahara];

export const previewRegistration = {
  id: 'r8x2k9m4q7t1vb',
  cooperativeName: 'Koperasi Desa Merah Putih Pelangsian',
  status: 'confirmed',
  contact: { name: 'Ahmad Rizani', phone: '+6281251234567', email: 'ahmad.rizani@example.com' },
  participants: previewParticipants,
} satisfies RegistrationSummary;

/** Base64url, the shape newSecret() produces. */
export const previewManageToken = 'm4nAg3-T0ken_Example0123456789abcdefghijklmno';
