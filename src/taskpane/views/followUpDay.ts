/** A day as the follow-ups keep it, 2026-12-31: what a Due or Start field must hold. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a typed Due or Start cannot keep, said at its field; nothing if it is empty or a day. */
export const dayProblem = (text: string): string | undefined =>
  text.trim() === "" || ISO_DAY.test(text.trim()) ? undefined : "Write the date as 2026-12-31.";
