import type { DeploymentCollector, DeploymentState } from "@/lib/collector/deployment-collector";
import type { Leases } from "@/lib/store/lease-types";
import type { StateChannel } from "@/lib/store/state-channel";
import { freshnessOf, keepDefinitions, withFreshness } from "@/lib/store/state-codec";
import { type DeploymentSource, unknownState } from "./deployment-source";

// One deployment across replicas. The replica holding the deployment's lease
// runs its collector and publishes each new content generation (and, cheaply,
// newer as-of times); every replica, the holder included, serves the
// published state with the publication's sequence number as its generation,
// so all replicas answer with the same figures and the same ETags. Followers
// read on NOTIFY and, should a notification be lost, every few seconds.

export interface ReplicaOptions {
  /** How often the holder looks for a new generation to publish. */
  publishEveryMs: number;
  /** How often a follower reads even without a notification. */
  pollEveryMs: number;
}

export class ReplicatedDeployment implements DeploymentSource {
  readonly lease: string;
  private collector: DeploymentCollector | null = null;
  /** The collector's first cycle (definitions and statuses) is done. */
  private collected = false;
  /** The collector generation last published by this replica; -1: none yet. */
  private publishedGeneration = -1;
  private lastFreshness = "";
  private seq = 0;
  private current: DeploymentState | null = null;
  private publishing = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private publishTimer: NodeJS.Timeout | null = null;
  private first: Promise<void> | null = null;
  private resolveFirst: () => void = () => undefined;

  constructor(
    readonly deployment: string,
    private readonly makeCollector: () => DeploymentCollector,
    private readonly leases: Leases,
    private readonly channel: StateChannel,
    private readonly holder: string,
    private readonly options: ReplicaOptions,
  ) {
    this.lease = `collector:${deployment}`;
  }

  start(): Promise<void> {
    if (this.first) return this.first;
    this.first = new Promise((resolve) => {
      this.resolveFirst = resolve;
    });
    this.leases.onChange((name, held) => {
      if (name !== this.lease) return;
      if (held) this.lead();
      else this.follow();
    });
    this.leases.want(this.lease);
    void this.pull();
    this.timers.push(setInterval(() => void this.pull(), this.options.pollEveryMs).unref());
    return this.first;
  }

  state(): DeploymentState {
    if (!this.current) return unknownState(this.deployment);
    // The holder shows its collector's as-of times live, as a single instance does.
    if (this.collector && this.publishedGeneration !== -1)
      return withFreshness(this.current, freshnessOf(this.collector.state()));
    return this.current;
  }

  collecting(): boolean {
    return this.collector !== null;
  }

  ready(): boolean {
    return this.current !== null;
  }

  notified(): void {
    void this.pull();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.follow();
  }

  private lead(): void {
    if (this.collector) return;
    const collector = this.makeCollector();
    this.collector = collector;
    this.collected = false;
    this.publishedGeneration = -1;
    void collector.start().then(() => {
      if (this.collector === collector) this.collected = true;
    });
    this.publishTimer = setInterval(() => void this.publish(), this.options.publishEveryMs);
    this.publishTimer.unref();
  }

  private follow(): void {
    if (this.publishTimer) clearInterval(this.publishTimer);
    this.publishTimer = null;
    this.collector?.stop();
    this.collector = null;
    this.collected = false;
    this.publishedGeneration = -1;
    void this.pull();
  }

  private async publish(): Promise<void> {
    const collector = this.collector;
    if (!collector || !this.collected || this.publishing) return;
    if (!this.leases.holdsLease(this.lease)) return;
    this.publishing = true;
    try {
      const s = collector.state();
      if (s.generation !== this.publishedGeneration) {
        // Just after a takeover, keep the predecessor's publication until this
        // collector has run history too, so no figure dips while it loads.
        const takeover = this.seq > 0 && this.publishedGeneration === -1;
        if (takeover && s.runsAsOf === null && s.runsError === null) return;
        const seq = await this.channel.publish(this.deployment, s, this.lease, this.holder);
        if (seq === null || this.collector !== collector) return; // fenced: lease lost
        this.publishedGeneration = s.generation;
        this.seq = seq;
        this.lastFreshness = JSON.stringify(freshnessOf(s));
        this.setCurrent({ ...s, generation: seq });
        return;
      }
      const freshness = freshnessOf(s);
      const key = JSON.stringify(freshness);
      if (key !== this.lastFreshness) {
        await this.channel.publishFreshness(this.deployment, freshness);
        this.lastFreshness = key;
      }
    } catch {
      // The store is unreachable: the lease runs out locally and we stop.
    } finally {
      this.publishing = false;
    }
  }

  private async pull(): Promise<void> {
    // The holder serves its own publications.
    if (this.collector && this.publishedGeneration !== -1) return;
    try {
      const got = await this.channel.read(this.deployment, this.seq);
      if (!got || (this.collector && this.publishedGeneration !== -1)) return;
      let base = this.current;
      if (got.state && got.seq > this.seq) {
        this.seq = got.seq;
        base = { ...keepDefinitions(this.current, got.state), generation: got.seq };
      }
      if (base) this.setCurrent(withFreshness(base, got.freshness));
    } catch {
      // Keep serving what we have; its as-of times say how old it is.
    }
  }

  private setCurrent(state: DeploymentState): void {
    this.current = state;
    this.resolveFirst();
  }
}
