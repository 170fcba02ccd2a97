try { Object.prototype.isAdmin = true } catch (e) {} try { Object.defineProperty(Object.prototype, 'polluted', { value: 1 }) } catch (e) {}
