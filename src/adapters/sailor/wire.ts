import * as z from 'zod/mini';
import { withDefaults } from '../../model/field-rules.js';
import { failedParse, type ParseResult } from '../../model/parse.js';
import { HttpUrlSchema, IsoInstantSchema } from '../../model/schemas.js';
import type { Destination, OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import { KINDS } from '../../model/vocabulary.js';
import { ItemsSchema, KnownFields, fieldNames, isIsoInstant, isNonEmptyString, isOneOf, isRecord, isWireObject, readWire } from '../wire-checks.js';

// seeds/sailor-phone-system-outcomes.txt: the wire shapes, read leniently, and their canonical form.

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

const WireDestinationSchema = z.looseObject({
  destination_type: z.optional(z.nullable(z.string())),
  destination_id: z.optional(z.nullable(z.string())),
  destination_name: z.optional(z.nullable(z.string())),
});

const WireRemovalSchema = z.looseObject({
  all: z.optional(z.nullable(z.boolean())),
  list_ids: z.optional(z.nullable(z.array(nonEmpty))),
});

const DESTINATION_TYPES = ['none', 'smart_list', 'remove_from_smart_list'] as const;

const WireOutcomeSchema = z.looseObject({
  outcome_id: nonEmpty,
  outcome_name: nonEmpty,
  outcome_type: z.enum(KINDS),
  order: z.int(),
  destination_type: z.enum(DESTINATION_TYPES),
  destination: z.optional(z.nullable(WireDestinationSchema)),
  destination_id: z.optional(z.nullable(z.string())),
  remove_from_smart_lists: z.optional(z.nullable(WireRemovalSchema)),
  webhook_url: z.optional(z.nullable(z.union([z.literal(''), HttpUrlSchema]))),
  created_at: z.optional(z.nullable(IsoInstantSchema)),
  updated_at: z.optional(z.nullable(IsoInstantSchema)),
});

type WireOutcome = z.output<typeof WireOutcomeSchema>;

/** Wire field → the canonical field it holds: for extras (the rest) and for error field paths. */
export const CANONICAL_BY_WIRE: Readonly<Record<string, OutcomeTypeField | 'id' | 'createdAt' | 'updatedAt'>> = {
  outcome_id: 'id',
  outcome_name: 'name',
  outcome_type: 'kind',
  order: 'ordinal',
  destination_type: 'destination',
  destination: 'destination',
  destination_id: 'destination',
  remove_from_smart_lists: 'destination',
  webhook_url: 'webhookUrl',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
};

const WIRE_FIELDS = new KnownFields(Object.keys(CANONICAL_BY_WIRE));
const KNOWN_DESTINATION_FIELDS = fieldNames(WireDestinationSchema.shape);

export const ListEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  outcomes: ItemsSchema,
  disposition_popup_enabled: z.boolean(),
});

export type ListEnvelope = z.output<typeof ListEnvelopeSchema>;

export const OutcomeEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  outcome: z.record(z.string(), z.unknown()),
  disposition_popup_enabled: z.optional(z.boolean()),
});

export const DeleteAnswerSchema = z.optional(z.looseObject({ ok: z.literal(true) }));

/** An outcome as read, with the canonical fields the answer did not say enough to resend. */
export interface ReadOutcome {
  outcome: OutcomeType;
  unread: OutcomeTypeField[];
}

type DestinationRead = { ok: true; destination: Destination | undefined } | { ok: false; at: PropertyKey[]; message: string };

function readDestination(wire: WireOutcome): DestinationRead {
  switch (wire.destination_type) {
    case 'none':
      return { ok: true, destination: { type: 'none' } };
    case 'smart_list': {
      const id = wire.destination?.destination_id || wire.destination_id;
      if (!id) return { ok: false, at: ['destination', 'destination_id'], message: 'required with destination_type smart_list' };
      const name = wire.destination?.destination_name;
      return { ok: true, destination: name ? { type: 'smart_list', id, name } : { type: 'smart_list', id } };
    }
    case 'remove_from_smart_list': {
      const removal = wire.remove_from_smart_lists;
      // List answers leave the lists out: the destination is then unknown, not "none".
      if (!removal) return { ok: true, destination: undefined };
      const listIds = removal.list_ids ?? [];
      if (removal.all === true && listIds.length === 0) return { ok: true, destination: { type: 'remove_from_smart_list', all: true } };
      if (removal.all !== true && listIds.length > 0) return { ok: true, destination: { type: 'remove_from_smart_list', listIds } };
      return { ok: false, at: ['remove_from_smart_lists'], message: 'must choose either all or list_ids, not both' };
    }
  }
}

/** Backend fields the model has no place for, so that nothing read is lost. */
function extrasOfOutcome(wire: WireOutcome, destination: Destination | undefined): Record<string, unknown> {
  const extras = WIRE_FIELDS.extrasOf(wire);
  if (wire.destination && Object.keys(wire.destination).some((name) => !KNOWN_DESTINATION_FIELDS.has(name))) {
    extras['destination'] = wire.destination;
  }
  // The model cannot say "removes from some Smart Lists, unknown which": keep the wire's word.
  if (destination === undefined) extras['destination_type'] = wire.destination_type;
  return extras;
}

/** Shared by every outcome read whole (most of a list): never changed, only replaced. */
const NOTHING_UNREAD: OutcomeTypeField[] = Object.freeze([]) as unknown as OutcomeTypeField[];

/** Canonical fields an update must resend but that this answer did not tell. */
function unreadFields(wire: WireOutcome, destination: Destination | undefined): OutcomeTypeField[] {
  const noDestination = destination === undefined;
  const noWebhook = !('webhook_url' in wire);
  // No array for the many outcomes read whole.
  if (!noDestination && !noWebhook) return NOTHING_UNREAD;
  const unread: OutcomeTypeField[] = [];
  if (noDestination) unread.push('destination');
  if (noWebhook) unread.push('webhookUrl');
  return unread;
}

const isOptionalString = (value: unknown) => value == null || typeof value === 'string';

/** The common valid shape of WireOutcomeSchema, checked by hand (see wire-checks.ts). */
function isCommonOutcome(value: unknown): value is WireOutcome {
  if (!isWireObject(value)) return false;
  const { destination, remove_from_smart_lists: removal, webhook_url: webhook, created_at: created, updated_at: updated } = value;
  return (
    isNonEmptyString(value['outcome_id']) &&
    isNonEmptyString(value['outcome_name']) &&
    isOneOf(KINDS, value['outcome_type']) &&
    Number.isSafeInteger(value['order']) &&
    isOneOf(DESTINATION_TYPES, value['destination_type']) &&
    (destination == null ||
      (isRecord(destination) && isOptionalString(destination['destination_type']) && isOptionalString(destination['destination_id']) && isOptionalString(destination['destination_name']))) &&
    isOptionalString(value['destination_id']) &&
    // A removal or a webhook URL is rare in a list: the schema reads those.
    removal == null &&
    (webhook == null || webhook === '' || isKnownUrl(webhook)) &&
    (created == null || isIsoInstant(created)) &&
    (updated == null || isIsoInstant(updated))
  );
}

/**
 * Webhook URLs that HttpUrlSchema accepted: outcomes mostly share a few, and the URL check is
 * the dearest part of an item. Bounded, so a list of distinct URLs costs only its own checks.
 */
const goodUrls = new Set<string>();
/** The URL accepted last: neighbours share it most often, and comparing is cheaper than hashing. */
let lastGoodUrl = '';
function isKnownUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === lastGoodUrl) return true;
  if (goodUrls.has(value)) return (lastGoodUrl = value), true;
  if (!z.safeParse(HttpUrlSchema, value).success) return false;
  if (goodUrls.size >= 64) goodUrls.clear();
  goodUrls.add(value);
  lastGoodUrl = value;
  return true;
}

/** One wire outcome, validated once (the wire schema says all the canonical model needs). */
export function readOutcome(item: unknown): ParseResult<ReadOutcome> {
  return readWire(WireOutcomeSchema, isCommonOutcome, item, fromWire);
}

function fromWire(wire: WireOutcome): ParseResult<ReadOutcome> {
  const destination = readDestination(wire);
  if (!destination.ok) return failedParse([destination]);
  const outcome = withDefaults({
    id: wire.outcome_id,
    key: wire.outcome_id,
    name: wire.outcome_name,
    kind: wire.outcome_type,
    ordinal: wire.order,
    destination: destination.destination,
    webhookUrl: wire.webhook_url || undefined,
    createdAt: wire.created_at ?? undefined,
    updatedAt: wire.updated_at ?? undefined,
    extras: extrasOfOutcome(wire, destination.destination),
  });
  return { ok: true, value: { outcome, unread: unreadFields(wire, destination.destination) } };
}

/**
 * A list answer leaves out what a removal removes from (and may leave out the webhook), which
 * the adapter knows when it wrote or read them itself. They still hold when the outcome was not
 * changed since — same `updated_at` and destination type — and are then kept, so that an update
 * can resend them; otherwise they stay unknown and an update must be given them again.
 */
export function withStillKnownFields(fresh: ReadOutcome, earlier: ReadOutcome | undefined): ReadOutcome {
  if (!earlier || fresh.unread.length === 0) return fresh;
  const unchanged = fresh.outcome.updatedAt !== undefined && fresh.outcome.updatedAt === earlier.outcome.updatedAt;
  if (!unchanged) return fresh;
  const outcome: OutcomeType = { ...fresh.outcome, extras: { ...fresh.outcome.extras } };
  const unread: OutcomeTypeField[] = [];
  for (const field of fresh.unread) {
    if (earlier.unread.includes(field)) {
      unread.push(field);
    } else if (field === 'destination') {
      const known = earlier.outcome.destination;
      if (known && known.type === fresh.outcome.extras['destination_type']) {
        outcome.destination = structuredClone(known);
        delete outcome.extras['destination_type'];
      } else {
        unread.push(field);
      }
    } else if (field === 'webhookUrl') {
      if (earlier.outcome.webhookUrl === undefined) delete outcome.webhookUrl;
      else outcome.webhookUrl = earlier.outcome.webhookUrl;
    } else {
      unread.push(field);
    }
  }
  return { outcome, unread };
}

// Writing: the whole configuration, in wire names, only the fields Sailor accepts.

export type Configuration = Pick<OutcomeTypeInput, 'name' | 'kind' | 'ordinal' | 'destination' | 'webhookUrl'>;

export interface WireWrite {
  outcome_name: string;
  outcome_type: string;
  order: number;
  destination_type: Destination['type'];
  destination_id?: string;
  remove_from_smart_lists?: { all: true } | { list_ids: string[] };
  webhook_url?: string;
}

export function toWire(configuration: Configuration): WireWrite {
  const destination = configuration.destination ?? { type: 'none' };
  return {
    outcome_name: configuration.name,
    outcome_type: configuration.kind,
    order: configuration.ordinal,
    destination_type: destination.type,
    ...(destination.type === 'smart_list' ? { destination_id: destination.id } : {}),
    ...(destination.type === 'remove_from_smart_list'
      ? { remove_from_smart_lists: 'all' in destination ? { all: true as const } : { list_ids: destination.listIds } }
      : {}),
    ...(configuration.webhookUrl ? { webhook_url: configuration.webhookUrl } : {}),
  };
}

/**
 * A write answer may leave out what list answers leave out. The request just sent is the whole
 * configuration (create, and PATCH replaces), so it fills those gaps; the answer wins elsewhere.
 */
export function withSentConfiguration(answer: Record<string, unknown>, sent: WireWrite): Record<string, unknown> {
  return { webhook_url: sent.webhook_url ?? null, remove_from_smart_lists: sent.remove_from_smart_lists ?? null, ...answer };
}
