import { sql, type Kysely } from 'kysely'

// Issue 8 (SEC-02, SEC-04). Same conventions as 0001: epoch milliseconds in bigint, one file for both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  // SEC-04: a relying-party key works only for the services it is bound to.
  await db.schema
    .createTable('relying_party_services')
    .addColumn('relying_party_id', 'varchar(64)', (c) => c.notNull().references('relying_parties.id').onDelete('cascade'))
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull().references('services.service_id'))
    .addPrimaryKeyConstraint('relying_party_services_pk', ['relying_party_id', 'service_id'])
    .execute()
  // Keys issued before the binding existed keep working for what they could reach: every service there was.
  await sql`insert into relying_party_services (relying_party_id, service_id)
            select relying_parties.id, services.service_id from relying_parties cross join services`.execute(db)

  // SEC-02: flows are capped per source address, so the flow remembers where it was asked from.
  await db.schema.alterTable('linkage_flows').addColumn('source_address', 'varchar(64)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('linkage_flows').dropColumn('source_address').execute()
  await db.schema.dropTable('relying_party_services').execute()
}
