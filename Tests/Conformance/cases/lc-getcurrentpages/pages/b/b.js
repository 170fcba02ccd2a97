Page({ onLoad() { const s = getCurrentPages(); console.log('LC-7 ' + s.length + ' ' + s.map((p) => p.route).join(',')) } })
