// @ts-check

/**
 * The parsed reliability profile of each entity, with the moment it last
 * changed. Keyed by entity ref; one row per entity, so it is bounded by the
 * size of the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_entity_profiles', table => {
    table.comment('Parsed reliability metadata of catalog entities');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('tier', 16).nullable();
    table.integer('error_count').notNullable().defaultTo(0);
    table.text('profile_json').notNullable();
    table.string('profile_hash', 64).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.timestamp('seen_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_entity_profiles');
};
