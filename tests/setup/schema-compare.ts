// Compares a migrated database with prisma/schema.prisma, the way `prisma migrate diff`
// would if its engine could run here: tables, columns (type incl. native type, array-ness,
// nullability, default), enums, primary keys, unique and plain indexes (columns + order),
// foreign keys (columns, target, ON DELETE / ON UPDATE). The schema side comes from
// Prisma's own parser (getDMMF, wasm, offline); Unsupported("...") fields, which the DMMF
// leaves out, are read from the schema text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDMMF } from '@prisma/get-dmmf';
import type * as DMMF from '@prisma/dmmf';
import pg from 'pg';

/**
 * Indexes that exist only in SQL because Prisma cannot express them, each with its reason.
 * Any other index in the database that the schema does not declare is reported as drift:
 * an index Prisma CAN express belongs in schema.prisma.
 */
export const SQL_ONLY_INDEXES: Record<string, string> = {
  isps_asns_gin_idx: 'GIN on an array (ASN lookup): Prisma has GIN only for some types, not Int[] ops here',
  outbox_events_pending_idx: 'partial index (WHERE processed_at IS NULL): Prisma has no partial indexes',
  // Search (migration 20261121020000_search): GIN over a generated tsvector and GIN trigram
  // indexes; the comparison here checks btree indexes only, and Prisma cannot index an Unsupported column.
  vod_titles_search_vector_idx: 'GIN on the generated tsvector (full-text search)',
  programs_search_vector_idx: 'GIN on the generated tsvector (full-text search)',
  channels_search_vector_idx: 'GIN on the generated tsvector (full-text search)',
  vod_titles_title_trgm_idx: 'GIN gin_trgm_ops (typo-tolerant search)',
  programs_title_trgm_idx: 'GIN gin_trgm_ops (typo-tolerant search)',
  channels_name_trgm_idx: 'GIN gin_trgm_ops (typo-tolerant search)',
};

/** Tables that belong to tooling, not the model. */
const TOOLING_TABLES = new Set(['_prisma_migrations']);

/** @default functions that Prisma evaluates in the client: no database default. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

interface ExpectedColumn {
  type: string;
  notNull: boolean;
  /** Normalised default expression, null for none, undefined when only presence can be checked. */
  default: string | null | undefined;
  origin: string;
}

interface ExpectedIndex {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}

interface ExpectedForeignKey {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

interface ExpectedSchema {
  enums: Map<string, string[]>;
  tables: Map<string, Map<string, ExpectedColumn>>;
  indexes: Map<string, ExpectedIndex>;
  foreignKeys: Map<string, ExpectedForeignKey>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** Prisma native type attribute -> PostgreSQL's format_type() spelling. */
function nativeTypeName(name: string, args: readonly string[]): string {
  const [first, second] = args;
  switch (name) {
    case 'Uuid':
      return 'uuid';
    case 'Text':
      return 'text';
    case 'SmallInt':
      return 'smallint';
    case 'Integer':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'Char':
      return `character(${first ?? 1})`;
    case 'VarChar':
      return first ? `character varying(${first})` : 'character varying';
    case 'Timestamptz':
      return `timestamp(${first ?? 6}) with time zone`;
    case 'Timestamp':
      return `timestamp(${first ?? 6}) without time zone`;
    case 'Date':
      return 'date';
    case 'JsonB':
      return 'jsonb';
    case 'Json':
      return 'json';
    case 'Real':
      return 'real';
    case 'DoublePrecision':
      return 'double precision';
    case 'Decimal':
      return first ? `numeric(${first},${second ?? 0})` : 'numeric';
    default:
      return `${name.toLowerCase()}${args.length ? `(${args.join(',')})` : ''}`;
  }
}

function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The default as pg_get_expr() prints it, for the defaults this schema uses. */
function expectedDefault(field: DMMF.Field, columnType: string): string | null | undefined {
  if (!field.hasDefaultValue || field.isUpdatedAt) return null;
  const value = field.default;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return null;
    if (value.name === 'now') return 'CURRENT_TIMESTAMP';
    if (value.name === 'dbgenerated' && typeof value.args[0] === 'string') return value.args[0];
    return undefined;
  }
  if (field.kind === 'enum' && typeof value === 'string') return `${sqlLiteral(value)}::${columnType}`;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field.type === 'String') return `${sqlLiteral(value)}::${columnType}`;
    if (field.type === 'Json') return `${sqlLiteral(value)}::jsonb`;
    if (field.type === 'BigInt' || field.type === 'Int') return value;
  }
  return undefined;
}

/** Prisma's constraint names: <table>_<columns>_<suffix>, cut to PostgreSQL's 63 bytes. */
function prismaName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join('_');
  const max = 63 - suffix.length - 1;
  return `${base.length > max ? base.slice(0, max) : base}_${suffix}`;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

interface UnsupportedField {
  model: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
}

/** Unsupported("...") fields, which getDMMF omits, read from the schema text. */
function unsupportedFields(schemaText: string): UnsupportedField[] {
  const found: UnsupportedField[] = [];
  for (const block of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const model = block[1] ?? '';
    for (const line of (block[2] ?? '').split('\n')) {
      const match = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?|\[\])?(.*)$/.exec(line);
      if (!match) continue;
      const mapped = /@map\("([^"]+)"\)/.exec(match[4] ?? '');
      found.push({
        model,
        column: mapped?.[1] ?? match[1] ?? '',
        type: match[2] ?? '',
        optional: match[3] === '?',
        list: match[3] === '[]',
      });
    }
  }
  return found;
}

export function expectedSchemaFrom(schemaText: string): ExpectedSchema {
  const dmmf = getDMMF({ datamodel: schemaText });
  if ('error' in dmmf) throw new Error(`prisma/schema.prisma does not parse: ${dmmf.reason}`);
  const { models, enums: dmmfEnums, indexes: dmmfIndexes } = dmmf.datamodel;

  const enums = new Map<string, string[]>();
  const enumDbName = new Map<string, string>();
  for (const item of dmmfEnums) {
    const name = item.dbName ?? item.name;
    enumDbName.set(item.name, name);
    enums.set(name, item.values.map((value) => value.dbName ?? value.name));
  }

  const tableOf = new Map(models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: DMMF.Model, fieldName: string): string => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const tables = new Map<string, Map<string, ExpectedColumn>>();
  const foreignKeys = new Map<string, ExpectedForeignKey>();
  for (const model of models) {
    const table = model.dbName ?? model.name;
    const columns = new Map<string, ExpectedColumn>();
    for (const field of model.fields) {
      if (field.kind === 'object') {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const target = models.find((candidate) => candidate.name === field.type);
        if (!target) continue;
        const fkColumns = from.map((name) => columnOf(model, name));
        const required = from.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
        const onDelete = field.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
        const onUpdate = field.relationOnUpdate ?? 'Cascade';
        const name = prismaName(table, fkColumns, 'fkey');
        foreignKeys.set(name, {
          table,
          name,
          columns: fkColumns,
          refTable: tableOf.get(target.name) ?? target.name,
          refColumns: (field.relationToFields ?? []).map((to) => columnOf(target, to)),
          onDelete: REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
          onUpdate: REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
        });
        continue;
      }
      if (field.kind !== 'scalar' && field.kind !== 'enum') continue;
      const base =
        field.kind === 'enum'
          ? (enumDbName.get(field.type) ?? field.type)
          : field.nativeType
            ? nativeTypeName(field.nativeType[0], field.nativeType[1])
            : (SCALAR_TYPES[field.type] ?? field.type);
      const type = field.isList ? `${base}[]` : base;
      columns.set(field.dbName ?? field.name, {
        type,
        // Prisma renders list columns without NOT NULL.
        notNull: field.isRequired && !field.isList,
        default: expectedDefault(field, base),
        origin: `${model.name}.${field.name}`,
      });
    }
    tables.set(table, columns);
  }

  for (const field of unsupportedFields(schemaText)) {
    const columns = tables.get(tableOf.get(field.model) ?? field.model);
    columns?.set(field.column, {
      type: field.list ? `${field.type}[]` : field.type,
      notNull: !field.optional && !field.list,
      // Unsupported columns are typically generated or filled by SQL; only presence, type and nullability count.
      default: undefined,
      origin: `${field.model}.${field.column} Unsupported("${field.type}")`,
    });
  }

  const indexes = new Map<string, ExpectedIndex>();
  for (const index of dmmfIndexes) {
    const model = models.find((candidate) => candidate.name === index.model);
    if (!model) continue;
    const table = model.dbName ?? model.name;
    const columnNames = index.fields.map((field) => columnOf(model, field.name));
    const columns = index.fields.map((field, position) =>
      field.sortOrder === 'desc' ? `${columnNames[position]} DESC` : (columnNames[position] ?? field.name),
    );
    const primary = index.type === 'id';
    const unique = primary || index.type === 'unique';
    const suffix = primary ? 'pkey' : unique ? 'key' : 'idx';
    const name = index.dbName ?? (primary ? `${table}_pkey` : prismaName(table, columnNames, suffix));
    indexes.set(name, { table, name, unique, primary, columns });
  }

  return { enums, tables, indexes, foreignKeys };
}

interface DatabaseColumn {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
  generated: boolean;
}

interface DatabaseIndex {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  method: string;
  partial: boolean;
  columns: string[];
}

interface DatabaseForeignKey {
  table: string;
  name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
}

const ACTION_CODES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function readDatabase(client: pg.Client) {
  // Partitions (relispartition) and their cloned indexes are implementation detail of
  // the parent; only top-level tables are compared.
  const tables = await client.query<{ table: string }>(`
    SELECT c.relname AS table FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`);
  const columns = await client.query<DatabaseColumn>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, a.attgenerated <> '' AS generated,
           CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_expr
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND a.attnum > 0 AND NOT a.attisdropped`);
  const indexes = await client.query<DatabaseIndex>(`
    SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
           am.amname AS method, i.indpred IS NOT NULL AS partial,
           array(SELECT pg_get_indexdef(i.indexrelid, k, true)
                        || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                   FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS columns
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_am am ON am.oid = ic.relam
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition`);
  const foreignKeys = await client.query<DatabaseForeignKey & { on_delete_code: string; on_update_code: string }>(`
    SELECT t.relname AS table, con.conname AS name,
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           rt.relname AS ref_table,
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS ref_columns,
           con.confdeltype AS on_delete_code, con.confupdtype AS on_update_code
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_class rt ON rt.oid = con.confrelid
     WHERE con.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
       AND NOT t.relispartition AND con.conparentid = 0`);
  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = current_schema()::regnamespace
     GROUP BY t.typname`);
  return {
    tables: tables.rows.map((row) => row.table).filter((name) => !TOOLING_TABLES.has(name)),
    columns: columns.rows.filter((row) => !TOOLING_TABLES.has(row.table)),
    indexes: indexes.rows.filter((row) => !TOOLING_TABLES.has(row.table)),
    foreignKeys: foreignKeys.rows.map((row) => ({
      ...row,
      on_delete: ACTION_CODES[row.on_delete_code] ?? row.on_delete_code,
      on_update: ACTION_CODES[row.on_update_code] ?? row.on_update_code,
    })),
    enums: enums.rows,
  };
}

function describeColumn(column: { type: string; notNull: boolean; default: string | null | undefined }): string {
  const parts = [column.type, column.notNull ? 'NOT NULL' : 'NULL'];
  if (column.default) parts.push(`DEFAULT ${column.default}`);
  else if (column.default === null) parts.push('no default');
  return parts.join(' ');
}

/** Pure comparison, exported so its messages can be tested without a database. */
export function diffSchemas(expected: ExpectedSchema, actual: Awaited<ReturnType<typeof readDatabase>>): string[] {
  const differences: string[] = [];

  const actualEnums = new Map(actual.enums.map((row) => [row.name, row.values]));
  for (const [name, values] of expected.enums) {
    const found = actualEnums.get(name);
    if (!found) differences.push(`enum ${name}: missing in database (schema: ${values.join(', ')})`);
    else if (found.join(',') !== values.join(','))
      differences.push(`enum ${name}: values differ: schema [${values.join(', ')}], database [${found.join(', ')}]`);
  }
  for (const name of actualEnums.keys()) {
    if (!expected.enums.has(name)) differences.push(`enum ${name}: in database but not in schema.prisma`);
  }

  const actualTables = new Set(actual.tables);
  for (const table of expected.tables.keys()) {
    if (!actualTables.has(table)) differences.push(`table ${table}: missing in database`);
  }
  for (const table of actualTables) {
    if (!expected.tables.has(table)) differences.push(`table ${table}: in database but no model maps to it`);
  }

  const actualColumns = new Map(actual.columns.map((row) => [`${row.table}.${row.column}`, row]));
  for (const [table, columns] of expected.tables) {
    if (!actualTables.has(table)) continue;
    for (const [column, want] of columns) {
      const key = `${table}.${column}`;
      const got = actualColumns.get(key);
      if (!got) {
        differences.push(`column ${key}: missing in database (schema ${want.origin}: ${describeColumn(want)})`);
        continue;
      }
      const problems: string[] = [];
      if (got.type !== want.type) problems.push(`type: schema ${want.type}, database ${got.type}`);
      if (got.not_null !== want.notNull)
        problems.push(`nullability: schema ${want.notNull ? 'NOT NULL' : 'NULL'}, database ${got.not_null ? 'NOT NULL' : 'NULL'}`);
      if (want.default === null && got.default_expr !== null)
        problems.push(`default: schema none, database ${got.default_expr}`);
      else if (typeof want.default === 'string' && got.default_expr !== want.default)
        problems.push(`default: schema ${want.default}, database ${got.default_expr ?? 'none'}`);
      if (problems.length) differences.push(`column ${key} (${want.origin}): ${problems.join('; ')}`);
    }
  }
  for (const [key, got] of actualColumns) {
    const [table, column] = key.split('.') as [string, string];
    if (expected.tables.get(table) && !expected.tables.get(table)?.has(column))
      differences.push(`column ${key}: in database (${got.type}) but not in schema.prisma`);
  }

  const actualIndexes = new Map(actual.indexes.map((row) => [row.name, row]));
  for (const [name, want] of expected.indexes) {
    const got = actualIndexes.get(name);
    const kind = want.primary ? 'primary key' : want.unique ? 'unique index' : 'index';
    if (!got) {
      differences.push(`${kind} ${name} on ${want.table}(${want.columns.join(', ')}): missing in database`);
      continue;
    }
    const problems: string[] = [];
    if (got.table !== want.table) problems.push(`table: schema ${want.table}, database ${got.table}`);
    if (got.columns.join(', ') !== want.columns.join(', '))
      problems.push(`columns: schema (${want.columns.join(', ')}), database (${got.columns.join(', ')})`);
    if (got.primary !== want.primary || got.unique !== want.unique)
      problems.push(`kind: schema ${kind}, database ${got.primary ? 'primary key' : got.unique ? 'unique index' : 'index'}`);
    if (got.method !== 'btree') problems.push(`method: schema btree, database ${got.method}`);
    if (got.partial) problems.push('database index is partial, schema index is not');
    if (problems.length) differences.push(`${kind} ${name}: ${problems.join('; ')}`);
  }
  for (const [name, got] of actualIndexes) {
    if (expected.indexes.has(name) || name in SQL_ONLY_INDEXES) continue;
    differences.push(
      `index ${name} on ${got.table}(${got.columns.join(', ')}): in database but not in schema.prisma ` +
        '(declare it with @@index/@@unique, or add it to SQL_ONLY_INDEXES with the reason Prisma cannot express it)',
    );
  }
  for (const name of Object.keys(SQL_ONLY_INDEXES)) {
    if (!actualIndexes.has(name)) differences.push(`SQL-only index ${name}: listed in SQL_ONLY_INDEXES but missing in database`);
  }

  const actualForeignKeys = new Map(actual.foreignKeys.map((row) => [row.name, row]));
  for (const [name, want] of expected.foreignKeys) {
    const got = actualForeignKeys.get(name);
    const target = `${want.refTable}(${want.refColumns.join(', ')})`;
    if (!got) {
      differences.push(`foreign key ${name}: ${want.table}(${want.columns.join(', ')}) -> ${target} ON DELETE ${want.onDelete} missing in database`);
      continue;
    }
    const problems: string[] = [];
    if (got.columns.join(',') !== want.columns.join(',')) problems.push(`columns: schema (${want.columns}), database (${got.columns})`);
    if (`${got.ref_table}(${got.ref_columns.join(', ')})` !== target)
      problems.push(`references: schema ${target}, database ${got.ref_table}(${got.ref_columns.join(', ')})`);
    if (got.on_delete !== want.onDelete) problems.push(`ON DELETE: schema ${want.onDelete}, database ${got.on_delete}`);
    if (got.on_update !== want.onUpdate) problems.push(`ON UPDATE: schema ${want.onUpdate}, database ${got.on_update}`);
    if (problems.length) differences.push(`foreign key ${name}: ${problems.join('; ')}`);
  }
  for (const [name, got] of actualForeignKeys) {
    if (!expected.foreignKeys.has(name))
      differences.push(`foreign key ${name} on ${got.table}(${got.columns.join(', ')}) -> ${got.ref_table}: in database but not in schema.prisma`);
  }

  return differences.sort();
}

export const SCHEMA_PATH = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

/** Differences between the database at `url` and prisma/schema.prisma; empty when they agree. */
export async function compareSchemaToDatabase(url: string, schemaPath: string = SCHEMA_PATH): Promise<string[]> {
  const expected = expectedSchemaFrom(readFileSync(schemaPath, 'utf8'));
  const client = new pg.Client({ connectionString: url, application_name: 'primetime-schema-drift' });
  await client.connect();
  try {
    return diffSchemas(expected, await readDatabase(client));
  } finally {
    await client.end();
  }
}
