App({ onError() { throw new Error('handler broke') } })
