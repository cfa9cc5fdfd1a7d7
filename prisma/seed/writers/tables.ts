// Column lists and row encoders per table, in the snake_case names of the SQL migration.
// `during` (generated) and defaulted bookkeeping columns other than timestamps are left out.
import type { Cell } from './copy';
import type { GroupRow, ChannelDef } from '../generators/lineup';
import type { IspRow, PackageRow, RuleRow, BlackoutRow } from '../generators/rights';
import type { ProgramRow } from '../generators/programs';
import type { AiringRow } from '../generators/schedule';
import type { CategoryRow, TitleRow, SeasonRow, EpisodeRow } from '../generators/vod';
import type { UserRow, SubscriptionRow, BindingRow } from '../generators/people';
import { SEED_CREATED_AT as T } from '../time';

export interface TableSpec<R> {
  table: string;
  columns: readonly string[];
  encode: (row: R) => readonly Cell[];
}

const spec = <R>(table: string, columns: readonly string[], encode: (row: R) => readonly Cell[]): TableSpec<R> => ({ table, columns, encode });

export const ISPS = spec<IspRow>('isps', ['id', 'slug', 'name', 'country', 'asns', 'created_at', 'updated_at'],
  (r) => [r.id, r.slug, r.name, r.country, r.asns, T, T]);

export const PACKAGES = spec<PackageRow>('packages', ['id', 'slug', 'name', 'description', 'price_cents', 'currency', 'isp_id', 'created_at', 'updated_at'],
  (r) => [r.id, r.slug, r.name, r.description, r.priceCents, r.currency, r.ispId, T, T]);

export const RULES = spec<RuleRow>('rights_rules', ['id', 'name', 'allowed_countries', 'denied_countries', 'available_from', 'available_until', 'created_at', 'updated_at'],
  (r) => [r.id, r.name, r.allowedCountries, r.deniedCountries, r.availableFrom, r.availableUntil, T, T]);

export const RULE_PACKAGES = spec<{ ruleId: string; packageId: string }>('rights_rule_packages', ['rule_id', 'package_id'], (r) => [r.ruleId, r.packageId]);
export const RULE_ISPS = spec<{ ruleId: string; ispId: string }>('rights_rule_isps', ['rule_id', 'isp_id'], (r) => [r.ruleId, r.ispId]);

export const GROUPS = spec<GroupRow>('channel_groups', ['id', 'slug', 'name', 'position'], (r) => [r.id, r.slug, r.name, r.position]);

export const CHANNELS = spec<ChannelDef>('channels',
  ['id', 'slug', 'number', 'name', 'description', 'time_zone', 'group_id', 'rights_rule_id', 'xmltv_id', 'created_at', 'updated_at'],
  (r) => [r.id, r.slug, r.number, r.name, r.description, r.timeZone, r.groupId, r.rightsRuleId, r.xmltvId, T, T]);

export const BLACKOUTS = spec<BlackoutRow>('blackouts',
  ['id', 'channel_id', 'starts_at', 'ends_at', 'countries', 'substitute_channel_id', 'reason', 'created_at', 'updated_at'],
  (r) => [r.id, r.channelId, r.startsAt, r.endsAt, r.countries, r.substituteChannelId, r.reason, T, T]);

export const PROGRAMS = spec<ProgramRow>('programs',
  ['id', 'external_id', 'title', 'subtitle', 'synopsis', 'genres', 'age_rating', 'year', 'season_number', 'episode_number', 'credits', 'created_at', 'updated_at'],
  (r) => [r.id, r.externalId, r.title, r.subtitle, r.synopsis, r.genres, r.ageRating, r.year, r.seasonNumber, r.episodeNumber, { json: r.credits }, T, T]);

export const AIRINGS = spec<AiringRow>('airings',
  ['id', 'channel_id', 'program_id', 'starts_at', 'ends_at', 'status', 'is_new', 'is_live', 'is_premiere', 'is_repeat', 'external_id', 'rights_rule_id', 'created_at', 'updated_at'],
  (r) => [r.id, r.channelId, r.programId, r.startsAt, r.endsAt, 'PUBLISHED', r.isNew, r.isLive, r.isPremiere, r.isRepeat, r.externalId, r.rightsRuleId, T, T]);

export const CATEGORIES = spec<CategoryRow>('categories', ['id', 'slug', 'name', 'position'], (r) => [r.id, r.slug, r.name, r.position]);

export const TITLES = spec<TitleRow & { rightsRuleId: string | null }>('vod_titles',
  ['id', 'slug', 'kind', 'title', 'synopsis', 'year', 'genres', 'age_rating', 'runtime_minutes', 'rights_rule_id', 'published_at', 'created_at', 'updated_at'],
  (r) => [r.id, r.slug, r.kind, r.title, r.synopsis, r.year, r.genres, r.ageRating, r.runtimeMinutes, r.rightsRuleId, r.publishedAt, T, T]);

export const TITLE_CATEGORIES = spec<{ titleId: string; categoryId: string; addedAt: Date }>('title_categories',
  ['title_id', 'category_id', 'added_at'], (r) => [r.titleId, r.categoryId, r.addedAt]);

export const SEASONS = spec<SeasonRow>('seasons', ['id', 'title_id', 'number', 'name'], (r) => [r.id, r.titleId, r.number, r.name]);

export const EPISODES = spec<EpisodeRow>('episodes', ['id', 'season_id', 'number', 'title', 'synopsis', 'runtime_minutes'],
  (r) => [r.id, r.seasonId, r.number, r.title, r.synopsis, r.runtimeMinutes]);

export const USERS = spec<UserRow & { passwordHash: string }>('users',
  ['id', 'email', 'email_verified', 'name', 'password_hash', 'role', 'home_country', 'parental_limit', 'time_zone', 'profile_version', 'created_at', 'updated_at'],
  (r) => [r.id, r.email, r.emailVerified, r.name, r.passwordHash, r.role, r.homeCountry, r.parentalLimit, r.timeZone, 1, T, T]);

export const SUBSCRIPTIONS = spec<SubscriptionRow>('subscriptions', ['id', 'user_id', 'package_id', 'status', 'starts_at', 'ends_at', 'created_at', 'updated_at'],
  (r) => [r.id, r.userId, r.packageId, r.status, r.startsAt, r.endsAt, T, T]);

export const BINDINGS = spec<BindingRow>('isp_bindings', ['id', 'user_id', 'isp_id', 'customer_ref', 'verified_at', 'created_at'],
  (r) => [r.id, r.userId, r.ispId, r.customerRef, r.verifiedAt, T]);

/** Every table the seed writes, children first: the order --force truncates them in. */
export const SEEDED_TABLES = [
  'isp_bindings', 'subscriptions', 'users', 'episodes', 'seasons', 'title_categories', 'vod_titles', 'categories',
  'airings', 'programs', 'blackouts', 'channels', 'channel_groups', 'rights_rule_isps', 'rights_rule_packages',
  'rights_rules', 'packages', 'isps',
] as const;
