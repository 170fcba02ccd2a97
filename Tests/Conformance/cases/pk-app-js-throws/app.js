throw new Error('broken at start')
