/** The typed event maps of src/protocol as the socket reads them, and what the socket itself reports. */

/** An interface of events, each a listener of its own arguments (an interface has no index signature). */
export type EventsOf<Map> = { [E in keyof Map]: (...args: any[]) => void };

/** Why a connected socket stopped being connected (the names socket.io gives, which the pages show). */
export type DisconnectReason = 'io server disconnect' | 'io client disconnect' | 'ping timeout' | 'transport close' | 'transport error';

/** A connection attempt failed: the server's refusal (with its `data`), or the network's. */
export class ConnectError extends Error {
  constructor(
    message: string,
    /** The server refused the connection (its middleware): the socket does not try again by itself. */
    readonly refused = false,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** What the socket itself tells about its connection; the server may not send events of these names. */
export interface ReservedEvents {
  connect: () => void;
  disconnect: (reason: DisconnectReason) => void;
  connect_error: (error: ConnectError) => void;
}

type ParamsOf<F> = F extends (...args: infer A) => void ? Required<A> : never;

/** An event's arguments without its ack callback: what goes on the wire. */
export type WireArgs<F> = ParamsOf<F> extends [...infer Before, infer Last] ? (Last extends (...answer: never[]) => void ? Before : ParamsOf<F>) : ParamsOf<F>;

/** The first argument the server's ack answers with, or never for an event that takes no ack. */
export type AckAnswer<F> = ParamsOf<F> extends [...unknown[], infer Last] ? (Last extends (answer: infer Answer, ...rest: never[]) => void ? Answer : never) : never;

/** The events whose last parameter is an ack. */
export type AckedEvents<Map extends EventsOf<Map>> = { [E in keyof Map]: [AckAnswer<Map[E]>] extends [never] ? never : E }[keyof Map] & string;
