/** One thing wrong with an order, by field path (e.g. `productItems[1].quantity`). */
export interface OrderProblem {
  path: string;
  reason: string;
}

/**
 * An SFCC order that cannot be handed to WAIR or projected to a fact. Not retriable: the same
 * order fails the same way until someone fixes it in SFCC, so the app parks it as an exception.
 * The message lists field paths only, never field values (they could be personal data).
 */
export class OrderValidationError extends Error {
  readonly retriable = false;
  constructor(readonly context: { orderNo: string; problems: readonly OrderProblem[] }) {
    super(
      `order ${context.orderNo || '(no order number)'} is malformed: ` +
        context.problems.map((p) => `${p.path} ${p.reason}`).join('; '),
    );
    this.name = 'OrderValidationError';
  }
}
