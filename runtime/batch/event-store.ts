/**
 * The events of an events file, grouped by lead, in columns instead of one
 * object per event: about 20 bytes per event (type id, `at`, a link to the
 * lead's next event, a slot for kept properties) where a parsed JSON object
 * took several hundred. At 12 M events that is the difference between
 * ~250 MiB and several GiB of heap.
 *
 * Only the properties the rules read are kept (EventReads); their text
 * values are interned, since the same URL or campaign recurs across many
 * events. A lead's events become small objects again, in file order, only
 * when that lead is scored (eventsOf).
 */
import type { PreparedEvent } from '../prepare-records.js';
import { NumberColumn, ValueColumn } from './columns.js';
import type { EventReads } from '../../compiler/analysis/event-reads.js';
import { defineOwn } from '../records/record.js';

/** Distinct texts interned at most; beyond that new texts are kept as they are. */
const MAX_INTERNED = 1 << 20;

export class EventStore {
  /** Lead key → lead number, in the order leads first appear in the events file. */
  private readonly leads = new Map<string, number>();
  private readonly first = new NumberColumn('int32');
  private readonly last = new NumberColumn('int32');
  private readonly perLead = new NumberColumn('int32');
  private readonly matched = new NumberColumn('int32');

  private readonly typeOf = new NumberColumn('int32');
  private readonly atOf = new NumberColumn('float64');
  /** Index of the lead's next event, -1 after its last. */
  private readonly next = new NumberColumn('int32');
  /** Where the event's kept values start in `values` (only for types with kept properties). */
  private readonly slot = new NumberColumn('int32');
  private readonly values = new ValueColumn();

  private readonly typeIds = new Map<string, number>();
  private readonly typeNames: string[] = [];
  /** Per type id: the properties kept; undefined keeps the whole event (no EventReads given). */
  private readonly keptOf: (readonly string[] | undefined)[] = [];
  private readonly interned = new Map<string, string>();

  count = 0;

  /** `reads` undefined: every event is kept whole, as the reader gave it (callers that score with several programs). */
  constructor(private readonly reads: EventReads | undefined) {}

  add(leadKey: string, event: PreparedEvent): void {
    const i = this.count++;
    let lead = this.leads.get(leadKey);
    if (lead === undefined) {
      lead = this.leads.size;
      this.leads.set(leadKey, lead);
      this.first.set(lead, i);
    } else {
      this.next.set(this.last.get(lead), i);
    }
    this.last.set(lead, i);
    this.next.set(i, -1);
    this.perLead.set(lead, this.perLead.get(lead) + 1);

    const type = this.typeId(event.type);
    this.typeOf.set(i, type);
    this.atOf.set(i, event.at);
    const kept = this.keptOf[type];
    if (kept === undefined) {
      this.slot.set(i, this.values.length);
      this.values.push(event);
    } else if (kept.length > 0) {
      this.slot.set(i, this.values.length);
      for (const name of kept) this.values.push(Object.hasOwn(event, name) ? this.intern(event[name]) : undefined);
    }
  }

  /**
   * Appends the lead's events (as the scorer takes them, in file order) to
   * `into` and marks the lead as seen; false when the file has none for it.
   */
  appendEventsOf(leadKey: string, into: PreparedEvent[]): boolean {
    const lead = this.leads.get(leadKey);
    if (lead === undefined) return false;
    this.matched.set(lead, 1);
    for (let i = this.first.get(lead); i !== -1; i = this.next.get(i)) into.push(this.materialize(i));
    return true;
  }

  /** A lead that exists but was not scored (it is invalid): its events are not "unmatched". */
  markSeen(leadKey: string): void {
    const lead = this.leads.get(leadKey);
    if (lead !== undefined) this.matched.set(lead, 1);
  }

  /** Events whose lead was never seen, and the first such lead in file order. */
  unmatched(): { events: number; example?: string } {
    let events = 0;
    let example: string | undefined;
    for (const [key, lead] of this.leads) {
      if (this.matched.get(lead) === 1) continue;
      events += this.perLead.get(lead);
      example ??= key;
    }
    return example === undefined ? { events } : { events, example };
  }

  private materialize(i: number): PreparedEvent {
    const type = this.typeOf.get(i);
    const kept = this.keptOf[type];
    if (kept === undefined) return this.values.get(this.slot.get(i)) as PreparedEvent;
    const event: Record<string, unknown> = { type: this.typeNames[type]!, at: this.atOf.get(i) };
    if (kept.length > 0) {
      const start = this.slot.get(i);
      for (let k = 0; k < kept.length; k++) {
        const value = this.values.get(start + k);
        if (value === undefined) continue;
        const name = kept[k]!;
        // A rule may read a property named __proto__: it must stay an own property.
        if (name === '__proto__') defineOwn(event, name, value);
        else event[name] = value;
      }
    }
    return event as PreparedEvent;
  }

  private typeId(name: string): number {
    let id = this.typeIds.get(name);
    if (id === undefined) {
      id = this.typeNames.length;
      this.typeIds.set(name, id);
      this.typeNames.push(name);
      this.keptOf.push(this.reads === undefined ? undefined : (this.reads.get(name) ?? []));
    }
    return id;
  }

  private intern(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    const known = this.interned.get(value);
    if (known !== undefined) return known;
    if (this.interned.size < MAX_INTERNED) this.interned.set(value, value);
    return value;
  }
}
