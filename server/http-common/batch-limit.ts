/** Most records one batch request may carry (leads, events, Segment calls). */
export const MAX_BATCH = 10_000;
