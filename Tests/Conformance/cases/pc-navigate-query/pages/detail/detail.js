Component({
properties: { id: Number, title: String },
methods: { onLoad(q) { console.log('PC-2 ' + (this.data.id + 1) + ' ' + this.data.title + ' ' + q.id) } }
})
