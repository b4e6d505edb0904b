/**
 * The session evaluation's keys (evaluations-repo.ts), beside the table's other keys in keys.ts. Both live in the
 * session's partition, so a session's answers are one query and never a Scan:
 *
 * 110. A session's evaluation form (its questions and closing days) ...... pk=EVENT#<eventId> sk=EVALFORM
 * 111. One answer per checked-in officer; a session's answers in one query (begins_with EVALANSWER#)
 *      .................................................................. pk=EVENT#<eventId> sk=EVALANSWER#<participantId>
 *      (keyed by the officer, not the ticket code: a code is derived and stored nowhere, and one officer is one answer)
 */
export const EVALUATION_ANSWER_PREFIX = 'EVALANSWER#';

export const evaluationKeys = {
  form: (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'EVALFORM' }),
  answer: (eventId: string, participantId: string) => ({
    pk: `EVENT#${eventId}`,
    sk: `${EVALUATION_ANSWER_PREFIX}${participantId}`,
  }),
};
