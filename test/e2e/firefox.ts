// Firefox (Debian's firefox-esr) with the unpacked extension installed as a temporary add-on,
// driven over Firefox's remote debugging protocol: length-prefixed JSON packets to actors.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSiteAccessGranted } from '../../scripts/lib/site-access';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

type Packet = Record<string, unknown> & { from?: string; type?: string; error?: string; message?: string };

/** Packets that actors send on their own, never as the reply to a request. */
const EVENTS = new Set(['target-available-form', 'target-destroyed-form', 'evaluationResult', 'resources-available-array', 'resources-updated-array', 'resources-destroyed-array', 'tabNavigated', 'frameUpdate', 'tabListChanged', 'addonListChanged', 'workerListChanged']);

class Rdp {
  private buffer = Buffer.alloc(0);
  private readonly listeners = new Set<(packet: Packet) => boolean>();
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly socket: Socket) {
    socket.on('data', (data: Buffer) => this.receive(data));
  }

  /** Resolves with the first packet matching `match` from now on. */
  next(match: (packet: Packet) => boolean): Promise<Packet> {
    return new Promise((resolve) => {
      const listener = (packet: Packet) => (match(packet) ? (resolve(packet), true) : false);
      this.listeners.add(listener);
    });
  }

  /** Calls `each` for every packet until the connection closes. */
  onEvery(each: (packet: Packet) => void): void {
    this.listeners.add((packet) => (each(packet), false));
  }

  /** One request at a time per actor: replies carry no request id. */
  request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<Packet> {
    const run = (this.tails.get(to) ?? Promise.resolve()).then(async () => {
      const reply = this.next((p) => p.from === to && !EVENTS.has(p.type ?? ''));
      const text = JSON.stringify({ to, type, ...extra });
      this.socket.write(`${Buffer.byteLength(text)}:${text}`);
      const packet = await reply;
      if (packet.error) throw new Error(`${type}: ${packet.error} ${packet.message ?? ''}`);
      return packet;
    });
    this.tails.set(to, run.catch(() => undefined));
    return run;
  }

  close(): void {
    this.socket.end();
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      for (const listener of [...this.listeners]) if (listener(packet)) this.listeners.delete(listener);
    }
  }
}

async function connect(port: number, timeoutMs = 30_000): Promise<Rdp> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const socket = createConnection({ port, host: '127.0.0.1' });
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const rdp = new Rdp(socket);
      await rdp.next((p) => p.from === 'root');
      return rdp;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface FirefoxWithExtension {
  /** Evaluates an expression (awaited) in the extension's background page. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

const PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** Installs a copy of `builtDir` with every site granted (scripts/lib/site-access.ts), as after the user's Allow. */
export async function launchFirefox(builtDir: string, addonId: string): Promise<FirefoxWithExtension> {
  const granted = withSiteAccessGranted(builtDir);
  const extensionDir = granted.dir;
  const profile = mkdtempSync(join(tmpdir(), 'unspin-ff-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child: ChildProcess = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--start-debugger-server', String(port), 'about:blank'], { stdio: 'ignore' });
  const close = async () => {
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(profile, { recursive: true, force: true });
    granted.remove();
  };
  try {
    const rdp = await connect(port);
    const root = await rdp.request('root', 'getRoot');
    await rdp.request(root.addonsActor as string, 'installTemporaryAddon', { addonPath: extensionDir });
    const { addons } = (await rdp.request('root', 'listAddons')) as { addons: { id: string; actor: string }[] };
    const watcher = await rdp.request(addons.find((a) => a.id === addonId)!.actor, 'getWatcher');
    const background = rdp.next((p) => p.type === 'target-available-form' && /_generated_background_page\.html$/.test((p.target as { url: string }).url));
    await rdp.request(watcher.actor as string, 'watchTargets', { targetType: 'frame' });
    const { consoleActor } = (await background).target as { consoleActor: string };
    // Results can arrive before the request's own reply: keep them all by id.
    const results = new Map<string, Packet>();
    const waiting = new Map<string, (p: Packet) => void>();
    rdp.onEvery((p) => {
      if (p.type !== 'evaluationResult') return;
      const id = p.resultID as string;
      if (waiting.has(id)) waiting.get(id)!(p);
      else results.set(id, p);
    });
    return {
      async evaluate<T>(expression: string): Promise<T> {
        const { resultID } = (await rdp.request(consoleActor, 'evaluateJSAsync', { text: `(async () => (${expression}))().then(JSON.stringify)`, mapped: { await: true } })) as { resultID: string };
        const packet = results.get(resultID) ?? (await new Promise<Packet>((resolve) => waiting.set(resultID, resolve)));
        if (packet.exception) throw new Error(`in Firefox: ${JSON.stringify(packet.exceptionMessage)}`);
        return JSON.parse(packet.result as string) as T;
      },
      async close() {
        rdp.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
