/** @jsxImportSource react */
import { Section, Text } from '@react-email/components';
import { type AnsweredQuestion, askedByLine } from '../functions/domain/questions';
import type { Language } from '../functions/domain/schemas';
import { bilingual } from './copy';
import { styles } from './theme';

const copy = bilingual({
  id: { title: 'Tanya jawab', question: 'Pertanyaan', answer: 'Jawaban' },
  en: { title: 'Questions and answers', question: 'Question', answer: 'Answer' },
});

/**
 * The session's answered questions with their written answers, most votes first, in the thank-you and the
 * materials emails. Questions answered aloud whose answer nobody wrote down are left out: a question alone tells
 * an officer nothing.
 */
export function QaSection({ questions, language }: { questions?: AnsweredQuestion[]; language: Language }) {
  const written = (questions ?? []).filter((q) => q.answer.trim());
  if (written.length === 0) return null;
  const t = copy[language];
  return (
    <Section style={styles.panel}>
      <Text style={styles.label}>{t.title}</Text>
      {written.map((q) => (
        <Section key={q.id}>
          <Text style={styles.value}>{`${t.question}: ${q.text}`}</Text>
          {q.askedBy ? <Text style={styles.text}>{askedByLine(q.askedBy) ?? ''}</Text> : null}
          <Text style={styles.text}>{`${t.answer}: ${q.answer}`}</Text>
        </Section>
      ))}
    </Section>
  );
}

/** A sample for the email previews. */
export const previewQuestions: AnsweredQuestion[] = [
  {
    id: 'contoh-pertanyaan-1',
    text: 'Dari mana modal awal koperasi desa, dan kapan dana pinjaman bank bisa diajukan?',
    answer:
      'Modal awal dari simpanan pokok dan wajib anggota. Proposal pinjaman diajukan setelah badan hukum, NIB dan rekening koperasi selesai.',
    votes: 14,
    askedBy: { cooperativeName: 'Koperasi Desa Merah Putih Pelangsian', villageName: 'Pelangsian' },
  },
];
