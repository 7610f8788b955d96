/*
 * Calendar subscriptions: one row per user and rotation whose link is live.
 * A link is `<id>.<HMAC(id, user, rotation)>`; revoking deletes the row.
 * `visible_refs` is what the user could read when subscribing (null when
 * they could read the whole catalog); `user_in_catalog` whether they had a
 * User entity then.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('calendar_subscriptions', table => {
    table.comment('Calendar links of the Rotation card; see the backend README');
    table.string('id', 64).primary().notNullable();
    table.string('user_ref', 512).notNullable();
    table.string('rotation_ref', 512).notNullable();
    table.bigInteger('created_at').notNullable();
    table.text('visible_refs').nullable();
    // Whether the user had a User entity then: if so, the link dies with it.
    table.boolean('user_in_catalog').notNullable().defaultTo(false);
    table.unique(['user_ref', 'rotation_ref']);
  });
  await knex.schema.createTable('settings', table => {
    table.comment('Values the replicas share, e.g. the generated calendar link key');
    table.string('name', 128).primary().notNullable();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('settings');
  await knex.schema.dropTable('calendar_subscriptions');
};
