// @ts-check

/**
 * Error-budget status of every SLO: the latest evaluation (one row per SLO)
 * and a history of snapshots, written when the state changes and at most
 * once an hour otherwise, pruned after the retention.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_slo_status', table => {
    table.comment('Latest error-budget evaluation of each SLO');
    table.string('slo_ref', 255).primary().notNullable();
    table.string('service_ref', 255).nullable();
    table.string('state', 16).notNullable();
    table.string('source_status', 16).notNullable();
    table.text('source_reason').nullable();
    table.text('result_json').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['service_ref'], 'reliability_slo_status_service_idx');
  });
  await knex.schema.createTable('reliability_slo_history', table => {
    table.comment('Error-budget snapshots of SLOs over time');
    table.string('slo_ref', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('state', 16).notNullable();
    table.double('remaining').nullable();
    table.double('sli').nullable();
    table.primary(['slo_ref', 'at']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_slo_history');
  await knex.schema.dropTable('reliability_slo_status');
};
