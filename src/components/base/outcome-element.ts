import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { OutcomeAdapter } from '../../adapters/adapter.js';
import { outcomeContext, type OutcomeContextValue } from '../../context.js';
import { observeLang } from '../../controllers/lang-observer.js';
import {
  format,
  onLocaleRegistered,
  resolveLocale,
  type MessageKey,
  type Messages,
} from '../../localization/catalogue.js';
import { en } from '../../localization/en.js';
import { nearestLang } from '../../localization/nearest-lang.js';
import { restrictRole, type Role } from '../../model/vocabulary.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/**
 * The base of every element: the adapter (own or from the nearest provider), the effective
 * role, the locale from the nearest `lang`, and custom states through ElementInternals.
 */
export class OutcomeElement extends LitElement {
  /** The data adapter; when unset, the nearest `<outcome-provider>`'s. */
  @property({ attribute: false }) adapter?: OutcomeAdapter;

  /** What this user may do here; the adapter's role can only restrict it further. */
  @property({ attribute: 'user-role' }) userRole?: Role;

  /** What the nearest `<outcome-provider>` gives. */
  protected provided?: OutcomeContextValue;

  constructor() {
    super();
    // The controller rather than the @consume decorator: the same subscription, and the
    // decorators' code (≈ 0.35 KB min+gzip) stays out of every page. It adds itself to this host.
    new ContextConsumer(this, {
      context: outcomeContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.requestUpdate();
      },
    });
  }

  /** The element's own English strings (the shared ones come from the catalogue). */
  static messages: Partial<Messages> = {};

  protected readonly internals: ElementInternals = this.attachInternals();

  #locale = resolveLocale(null);
  #stopObserving: (() => void)[] = [];

  /** The adapter in effect: this element's own, else the provider's. */
  get effectiveAdapter(): OutcomeAdapter | undefined {
    return this.adapter ?? this.provided?.adapter;
  }

  /** The more restrictive of the user's role and the adapter's; viewer when unknown. */
  get effectiveRole(): Role {
    return restrictRole(
      this.userRole ?? this.provided?.userRole ?? 'viewer',
      this.effectiveAdapter?.capabilities.role,
    );
  }

  /** The locale tag in use, e.g. `en` or `es`. */
  get locale(): string {
    return this.#locale.tag;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const relocalize = () => this.requestUpdate();
    this.#stopObserving = [observeLang(relocalize), onLocaleRegistered(relocalize)];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stopObserving) stop();
    this.#stopObserving = [];
  }

  /** A locale loaded on demand arrives before the first render: a Spanish page never flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.#resolveLocale().ready;
    super.scheduleUpdate();
  }

  #resolveLocale(): ReturnType<typeof resolveLocale> {
    this.#locale = resolveLocale(nearestLang(this) ?? this.provided?.lang);
    return this.#locale;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.#resolveLocale();
  }

  /** A message of the current locale. */
  protected msg<K extends MessageKey>(key: K, ...args: Args<K>): string {
    const own = (this.constructor as typeof OutcomeElement).messages;
    return format([this.#locale.messages, own, en], key, ...args);
  }

  /** Turns a custom state on or off, for `:state(name)` in host CSS. */
  protected setCustomState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }
}
