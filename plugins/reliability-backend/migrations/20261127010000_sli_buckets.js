// @ts-check

/**
 * Counts pushed into the built-in SLI source, one row per SLO and time
 * bucket. The primary key makes a re-sent bucket replace itself instead of
 * counting twice. Rows older than the retention are pruned daily.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_sli_buckets', table => {
    table.comment('Good/total event counts pushed for SLOs (built-in source)');
    table.string('slo_ref', 255).notNullable();
    table.timestamp('bucket_start', { useTz: true }).notNullable();
    table.timestamp('bucket_end', { useTz: true }).notNullable();
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['slo_ref', 'bucket_start', 'bucket_end']);
    table.index(
      ['slo_ref', 'bucket_end'],
      'reliability_sli_buckets_ref_end_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_sli_buckets');
};
