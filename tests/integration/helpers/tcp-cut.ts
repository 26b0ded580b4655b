import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a real server (Redis, the feed), to cut one client off from it as a
 * broken network would: `cut()` drops every relayed connection and refuses new ones until `mend()`;
 * `silence()` keeps every relayed connection open but passes nothing more either way, as a network that
 * went silent does (no close ever arrives), while new connections are relayed again.
 */
export class TcpCut {
  private readonly sockets = new Set<Socket>();
  private isCut = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async to(targetPort: number): Promise<TcpCut> {
    let relay: TcpCut | undefined;
    const server = createServer((client) => relay?.accept(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    relay = new TcpCut(server, (server.address() as { port: number }).port);
    return relay;
  }

  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  silence(): void {
    for (const socket of this.sockets) {
      socket.unpipe();
      socket.on('data', () => {}); // read and dropped
    }
  }

  mend(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket, targetPort: number): void {
    if (this.isCut) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
