/**
 * Tanya jawab keys (questions-repo.ts), beside the table's other keys in keys.ts. One partition per session holds its
 * questions, their votes and the board; a session has at most a few hundred questions and a few thousand votes.
 *
 * 110. A session's questions, all in one query (begins_with Q#) ... pk=QUESTIONS#<eventId> sk=Q#<questionId>
 * 111. One vote per voter per question (the voter is a hash of the ticket or the phone's id)
 *      ............................................................ pk=QUESTIONS#<eventId> sk=VOTE#<questionId>#<voterHash>
 * 112. The board the projector and phones poll: one GetItem .......... pk=QUESTIONS#<eventId> sk=BOARD
 */
const partition = (eventId: string) => `QUESTIONS#${eventId}`;

export const questionKeys = {
  partition,
  question: (eventId: string, questionId: string) => ({ pk: partition(eventId), sk: `Q#${questionId}` }),
  vote: (eventId: string, questionId: string, voterHash: string) => ({
    pk: partition(eventId),
    sk: `VOTE#${questionId}#${voterHash}`,
  }),
  board: (eventId: string) => ({ pk: partition(eventId), sk: 'BOARD' }),
};
