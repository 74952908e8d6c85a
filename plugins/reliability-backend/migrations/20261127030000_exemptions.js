// @ts-check

/**
 * Exemptions of entities from readiness checks, and the audit trail of
 * every grant and revocation. Exemptions always expire; revoked and expired
 * rows stay for the audit.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_exemptions', table => {
    table.comment('Exemptions of entities from readiness checks');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table.string('granted_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
    table.index(['entity_ref'], 'reliability_exemptions_entity_idx');
  });
  await knex.schema.createTable('reliability_exemption_audit', table => {
    table.comment('Every grant and revocation of an exemption');
    table.increments('seq').primary();
    table.string('exemption_id', 36).notNullable();
    table.string('action', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('details_json').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_exemption_audit');
  await knex.schema.dropTable('reliability_exemptions');
};
