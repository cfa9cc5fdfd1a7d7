/**
 * The longest an airing may last. The database enforces it (a CHECK on airings), and the
 * guide relies on it: "airings overlapping [dayStart, dayEnd)" becomes
 * `starts_at > dayStart - MAX_AIRING_HOURS AND starts_at < dayEnd AND ends_at > dayStart`,
 * whose bounds on the partition key let PostgreSQL prune the monthly partitions.
 */
export const MAX_AIRING_HOURS = 24;
export const MAX_AIRING_MS = MAX_AIRING_HOURS * 3_600_000;
