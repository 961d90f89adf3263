/**
 * A minimal client for Marionette, Firefox's own remote protocol, so the tests drive Debian's
 * firefox-esr without geckodriver or anything downloaded at run time.
 *
 * Wire format: each packet is `<byte length>:<JSON>`. The server greets with
 * `{"applicationType":"gecko","marionetteProtocol":3}`; commands are `[0, id, name, params]`
 * and replies `[1, id, error, result]`, where `error` is null or `{error, message, stacktrace}`.
 *
 * @module
 */
import { connect, type Socket } from 'node:net';

/** An error Marionette answered with (`error` is the WebDriver error code, e.g. `javascript error`). */
export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`${command}: ${code}: ${message}`);
  }
}

interface Pending {
  command: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One connection to a Marionette server. Commands may overlap; replies are matched by id. */
export class MarionetteClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeted: Promise<unknown>;
  private onGreeting: (value: unknown) => void = () => undefined;
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    this.greeted = new Promise((resolve) => (this.onGreeting = resolve));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.fail(error));
  }

  /** Connects to `port` on localhost and waits for the server's greeting. */
  static async open(port: number): Promise<MarionetteClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new MarionetteClient(socket);
    await client.greeted;
    return client;
  }

  /** Sends one command and resolves with its result (rejects with {@link MarionetteError}). */
  send<T = unknown>(command: string, params: object = {}): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Closes the socket; pending commands reject. */
  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(
        this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'),
      ) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.onGreeting(packet);
      return;
    }
    const [type, id, error, result] = packet as [
      number,
      number,
      { error: string; message: string } | null,
      unknown,
    ];
    const pending = type === 1 ? this.pending.get(id) : undefined;
    if (!pending) return;
    this.pending.delete(id);
    if (error) pending.reject(new MarionetteError(pending.command, error.error, error.message));
    else pending.resolve(result);
  }

  private fail(error: Error): void {
    this.closedError ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
