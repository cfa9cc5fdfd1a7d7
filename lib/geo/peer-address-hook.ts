// Stamps every incoming HTTP request with its socket peer address (PEER_ADDRESS_HEADER)
// before Next.js sees it, overwriting whatever the client sent under that name. Node
// publishes `http.server.request.start` on its diagnostics channel just before emitting
// 'request', so this works with `next start` unchanged. Installed once per process from
// instrumentation.ts.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import diagnosticsChannel from 'node:diagnostics_channel';
import { PEER_ADDRESS_HEADER } from './client-address';

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

// Held on globalThis: a channel whose object is collected may drop its subscribers.
const globalForHook = globalThis as unknown as { primetimePeerChannel?: diagnosticsChannel.Channel };

export function installPeerAddressHook(): void {
  if (globalForHook.primetimePeerChannel) return;
  const channel = diagnosticsChannel.channel('http.server.request.start');
  channel.subscribe((message) => {
    const { request, socket } = message as RequestStart;
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? '';
  });
  globalForHook.primetimePeerChannel = channel;
}
