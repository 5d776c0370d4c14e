/**
 * Input-to-acknowledging-snapshot latency: the time from sending input `seq` to
 * receiving the first snapshot whose `ack` is ≥ `seq`. Inputs are sent with rising
 * seqs, so the unacknowledged ones form a queue; each snapshot settles its front.
 */
export class AckLatency {
  private readonly seqs: number[] = [];
  private readonly sentAt: number[] = [];
  private head = 0;

  /** Input `seq` left at `at` (ms). */
  sent(seq: number, at: number): void {
    this.seqs.push(seq);
    this.sentAt.push(at);
  }

  /** A snapshot with `ack` arrived at `at`: the latencies of the inputs it acknowledges first. */
  acked(ack: number, at: number): number[] {
    const out: number[] = [];
    while (this.head < this.seqs.length && (this.seqs[this.head] ?? Infinity) <= ack) {
      out.push(at - (this.sentAt[this.head] ?? at));
      this.head++;
    }
    // drop the settled front now and then, so the arrays do not grow for the whole run
    if (this.head > 1024) {
      this.seqs.splice(0, this.head);
      this.sentAt.splice(0, this.head);
      this.head = 0;
    }
    return out;
  }

  /** inputs still waiting for their snapshot */
  get pending(): number {
    return this.seqs.length - this.head;
  }
}
