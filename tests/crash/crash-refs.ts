/** What the crash writer changes: one note that grows by a numbered line per change, and the lectures. */
export const NOTE_REF = 'python-behind-the-scenes-resources/peps';
export const PART_REFS = Array.from(
  { length: 9 },
  (_, i) => `python-behind-the-scenes-resources/cpython-internals-ten-hour-codewalk/cpython-internals-lecture-${i + 1}`,
);
/** What the writer's focus timer runs on. */
export const TIMER_REF = 'python-behind-the-scenes-resources/python-documentation';
