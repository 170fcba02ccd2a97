Page({ ping() { console.log('other alive') } })
