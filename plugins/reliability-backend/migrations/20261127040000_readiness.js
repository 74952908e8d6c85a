// @ts-check

/**
 * Readiness results of every entity (one row each) and their history: a
 * point when the result changes, and at most one a day otherwise, pruned
 * after the retention.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_readiness', table => {
    table.comment('Latest readiness result of each entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 64).notNullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('tier', 16).nullable();
    table.double('score').notNullable();
    table.string('level', 64).nullable();
    table.string('target_level', 64).nullable();
    table.integer('gap_count').notNullable();
    table.text('result_json').notNullable();
    table.string('result_hash', 64).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['owner_ref'], 'reliability_readiness_owner_idx');
    table.index(['tier'], 'reliability_readiness_tier_idx');
  });
  await knex.schema.createTable('reliability_readiness_history', table => {
    table.comment('Readiness snapshots over time');
    table.string('entity_ref', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.double('score').notNullable();
    table.string('level', 64).nullable();
    table.integer('gap_count').notNullable();
    table.primary(['entity_ref', 'at']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_readiness_history');
  await knex.schema.dropTable('reliability_readiness');
};
