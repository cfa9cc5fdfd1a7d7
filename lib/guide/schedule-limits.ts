/**
 * The longest an airing may last. The database enforces it (a CHECK on airings), and the
 * guide relies on it: "airings overlapping [dayStart, dayEnd)" becomes
 * `starts_at > dayStart - MAX_AIRING_HOURS AND starts_at < dayEnd AND ends_at > dayStart`,
 * whose bounds on the partition key let PostgreSQL prune the monthly partitions.
 */
export const MAX_AIRING_HOURS = 24;
export const MAX_AIRING_MS = MAX_AIRING_HOURS * 3_600_000;

/**
 * Prisma `where` for airings that overlap [start, end) (an instant when start = end),
 * with the lower bound on starts_at that makes PostgreSQL prune partitions.
 */
export function overlapping(start: Date, end: Date) {
  return { startsAt: { gt: new Date(start.getTime() - MAX_AIRING_MS), lt: end }, endsAt: { gt: start } };
}
