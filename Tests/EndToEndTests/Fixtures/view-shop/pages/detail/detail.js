Page({ data: { id: '' }, onLoad(q) { this.setData({ id: q.id }); } });
