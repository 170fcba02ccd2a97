'use strict';
// A minimal WebSocket server side (RFC 6455: text frames, close, ping) for the connection
// test: enough to play the preview server's part.
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Completes the handshake of an HTTP upgrade; gives {send(obj), close(), messages, onMessage, closed}. */
function accept(req, socket) {
  const key = req.headers['sec-websocket-key'];
  const hash = crypto.createHash('sha1').update(key + GUID).digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ' + hash + '\r\n\r\n');
  const conn = { messages: [], listeners: [], open: true };
  let buffer = Buffer.alloc(0);
  let closedResolve;
  conn.closed = new Promise((resolve) => { closedResolve = resolve; });

  function frame(opcode, payload) {
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, len])
      : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 255])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(len)); return b; })()]);
    return Buffer.concat([head, payload]);
  }

  conn.send = (obj) => { if (conn.open) socket.write(frame(1, Buffer.from(JSON.stringify(obj)))); };
  conn.close = () => {
    if (!conn.open) return;
    conn.open = false;
    socket.end(frame(8, Buffer.from([3, 232])));
  };
  conn.onMessage = (fn) => conn.listeners.push(fn);

  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0] & 15;
      let len = buffer[1] & 127, offset = 2;
      if (len === 126) { if (buffer.length < 4) return; len = buffer.readUInt16BE(2); offset = 4; }
      else if (len === 127) { if (buffer.length < 10) return; len = Number(buffer.readBigUInt64BE(2)); offset = 10; }
      const masked = (buffer[1] & 128) !== 0;
      const mask = masked ? buffer.subarray(offset, offset + 4) : null;
      if (masked) offset += 4;
      if (buffer.length < offset + len) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      buffer = buffer.subarray(offset + len);
      if (opcode === 1) {
        const message = JSON.parse(payload.toString('utf8'));
        conn.messages.push(message);
        for (const fn of conn.listeners) fn(message);
      } else if (opcode === 8) {
        conn.close();
      } else if (opcode === 9) {
        socket.write(frame(10, payload));
      }
    }
  });
  socket.on('close', () => { conn.open = false; closedResolve(); });
  socket.on('error', () => { conn.open = false; });
  return conn;
}

module.exports = { accept };
