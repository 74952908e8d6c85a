// @ts-check

/**
 * What the overview filters and counts on, stored with each readiness
 * result so the overview never parses result documents: coverage of the
 * reliability basics and the metadata findings.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_readiness', table => {
    table.boolean('has_slo').notNullable().defaultTo(false);
    table.boolean('has_runbook').notNullable().defaultTo(false);
    table.boolean('has_on_call').notNullable().defaultTo(false);
    table.boolean('dr_tested').notNullable().defaultTo(false);
    table.integer('error_count').notNullable().defaultTo(0);
    table.integer('violation_count').notNullable().defaultTo(0);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_readiness', table => {
    table.dropColumn('has_slo');
    table.dropColumn('has_runbook');
    table.dropColumn('has_on_call');
    table.dropColumn('dr_tested');
    table.dropColumn('error_count');
    table.dropColumn('violation_count');
  });
};
