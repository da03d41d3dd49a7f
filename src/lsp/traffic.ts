/**
 * What the client has sent that the server has not handled yet. The protocol library queues each
 * message and handles one per turn of the event loop; a lint started while messages wait would lint
 * a version already replaced and keep a request waiting. The workspace lints only when nothing
 * waits and no message is half received (frames.ts).
 */
import { Frames } from './frames.js';
import { StreamMessageReader, type ConnectionOptions, type Message, type MessageReader } from 'vscode-languageserver/node';

/**
 * How long a half-received message holds a lint back at most (a client that stops mid-message):
 * long enough that a loaded machine's gaps between the chunks of one large message never reach it.
 */
const STALLED_MS = 2000;

const CANCEL = '$/cancelRequest';
/** A cancellation of a running request is handled on arrival, never queued: it is not counted. */
const counted = (m: Message) => (m as { method?: string }).method !== CANCEL;

export class Traffic {
  private arrived = 0;
  private handled = 0;
  private lastData = 0;
  private readonly frames = new Frames();
  /** `handled` when a lint last waited a turn (-1: it did not wait). */
  private seen = -1;

  /** Options for `createConnection`: counts the messages handled. */
  readonly options: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message, next) => {
        if (counted(message)) this.handled++;
        return next(message);
      },
    },
  };

  /** A reader of `input` that counts the messages and notes when bytes arrive. */
  reader(input: NodeJS.ReadableStream): MessageReader {
    const reader = new StreamMessageReader(input);
    const listen = reader.listen.bind(reader);
    reader.listen = (callback) => {
      const listening = listen((message) => {
        if (counted(message)) this.arrived++;
        callback(message);
      });
      // Attached with the reader's own listener, so that no chunk flows past before it.
      input.on('data', (chunk: Buffer | string) => {
        this.lastData = performance.now();
        this.frames.take(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      });
      return listening;
    };
    return reader;
  }

  /** `now` when a lint may start; `turn` when messages wait (ask again next turn); else ms to wait (a message half received). */
  next(): 'now' | 'turn' | number {
    if (this.arrived > this.handled) {
      // The queue handles one message a turn: none handled since the last turn means it is empty
      // (a message it dropped, say a request id sent twice), and the count is set right.
      if (this.handled !== this.seen) { this.seen = this.handled; return 'turn'; }
      this.arrived = this.handled;
    }
    this.seen = -1;
    if (!this.frames.partial || performance.now() - this.lastData >= STALLED_MS) return 'now';
    return 1;
  }
}
