/*
 * Calendar subscription links: per user and feed, unguessable, checked on
 * every fetch, revocable. A feed is a rotation's shifts, or the user's own
 * shifts across every rotation (the personal feed of "My on-call", whose
 * feed ref is the user's own ref). A calendar client (Google, Apple,
 * Outlook, Thunderbird) fetches the feed with no Backstage token, so the
 * link itself is the credential:
 *
 *   <id>.<mac>   id = 16 random bytes, mac = HMAC-SHA256(key, id, user, feed ref)
 *
 * The row (id, user, feed ref, what the user could read then) lives in the
 * plugin's database, so every replica knows it and revoking (deleting the
 * row) takes effect everywhere at once. The key comes from
 * dataInfra.calendar.secret or, without it, is generated once and kept in
 * the database. See the backend README for the trade-offs.
 */
import { resolvePackagePath, type DatabaseService } from '@backstage/backend-plugin-api';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';

const TABLE = 'calendar_subscriptions';
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** One live subscription. */
export interface CalendarSubscription {
  id: string;
  userRef: string;
  /**
   * What the feed shows: a Rotation ref (the rotation's shifts) or a User
   * ref, the subscriber's own (their shifts in every rotation). Kept in the
   * `rotation_ref` column, which predates personal feeds.
   */
  feedRef: string;
  createdAt: number;
  /** What the user could read when subscribing; undefined: the whole catalog. */
  visibleRefs?: Set<string>;
  /** The user had a User entity when subscribing (the link stops working when it goes). */
  userInCatalog: boolean;
}

interface Row {
  id: string;
  user_ref: string;
  rotation_ref: string;
  created_at: string | number;
  visible_refs: string | null;
  user_in_catalog: boolean | number;
}

const fromRow = (row: Row): CalendarSubscription => ({
  id: row.id,
  userRef: row.user_ref,
  feedRef: row.rotation_ref,
  createdAt: Number(row.created_at),
  userInCatalog: Boolean(row.user_in_catalog),
  ...(row.visible_refs ? { visibleRefs: new Set<string>(JSON.parse(row.visible_refs)) } : {}),
});

export class CalendarSubscriptions {
  static async create(database: DatabaseService, secret?: string): Promise<CalendarSubscriptions> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await db.migrate.latest({
        directory: resolvePackagePath('@data-infra/backstage-plugin-data-infra-backend', 'migrations'),
        tableName: 'data_infra_knex_migrations',
      });
    }
    return new CalendarSubscriptions(db, secret);
  }

  #key?: Promise<Buffer>;

  private constructor(private readonly db: Knex, private readonly secret?: string) {}

  /** The HMAC key: configured, or made once and shared through the database. */
  #hmacKey(): Promise<Buffer> {
    this.#key ??= (async () => {
      if (this.secret) return Buffer.from(this.secret, 'utf8');
      // Two replicas may race here: the first insert wins, both read it back.
      await this.db('settings')
        .insert({ name: 'calendar-link-key', value: randomBytes(32).toString('hex') })
        .onConflict('name')
        .ignore();
      const row = await this.db('settings').where({ name: 'calendar-link-key' }).first();
      return Buffer.from(row.value, 'hex');
    })();
    this.#key.catch(() => (this.#key = undefined));
    return this.#key;
  }

  async #mac(id: string, userRef: string, feedRef: string): Promise<string> {
    return createHmac('sha256', await this.#hmacKey())
      .update(`${id}\n${userRef}\n${feedRef}`)
      .digest('base64url');
  }

  /** The link token of a subscription. */
  async tokenOf(subscription: CalendarSubscription): Promise<string> {
    return `${subscription.id}.${await this.#mac(subscription.id, subscription.userRef, subscription.feedRef)}`;
  }

  async find(userRef: string, feedRef: string): Promise<CalendarSubscription | undefined> {
    const row = await this.db<Row>(TABLE).where({ user_ref: userRef, rotation_ref: feedRef }).first();
    return row ? fromRow(row) : undefined;
  }

  /** The user's subscription to the feed, made now if there is none. */
  async subscribe(
    userRef: string,
    feedRef: string,
    facts: { visibleRefs?: Set<string>; userInCatalog: boolean },
    now: number,
  ) {
    await this.db<Row>(TABLE)
      .insert({
        id: randomBytes(16).toString('base64url'),
        user_ref: userRef,
        rotation_ref: feedRef,
        created_at: now,
        visible_refs: facts.visibleRefs ? JSON.stringify([...facts.visibleRefs].sort()) : null,
        user_in_catalog: facts.userInCatalog,
      })
      .onConflict(['user_ref', 'rotation_ref'])
      .ignore();
    return (await this.find(userRef, feedRef))!;
  }

  /** Deletes the user's subscription; its link stops working at once. */
  async revoke(userRef: string, feedRef: string): Promise<boolean> {
    return (await this.db<Row>(TABLE).where({ user_ref: userRef, rotation_ref: feedRef }).delete()) > 0;
  }

  /** The subscription a link token stands for, or undefined when it is malformed, tampered with or revoked. */
  async resolve(token: string): Promise<CalendarSubscription | undefined> {
    const m = TOKEN.exec(token);
    if (!m) return undefined;
    const row = await this.db<Row>(TABLE).where({ id: m[1] }).first();
    if (!row) return undefined;
    const expected = Buffer.from(await this.#mac(row.id, row.user_ref, row.rotation_ref));
    const given = Buffer.from(m[2]);
    return given.length === expected.length && timingSafeEqual(given, expected) ? fromRow(row) : undefined;
  }
}
