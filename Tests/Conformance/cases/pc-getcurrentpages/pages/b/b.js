Component({
methods: { onLoad() { const s = getCurrentPages(); console.log('PC-4 ' + s.length + ' ' + s.map((p) => p.route).join(',') + ' ' + (s[1] === this)) } }
})
