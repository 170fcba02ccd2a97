const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
options: { multipleSlots: true, addGlobalClass: true, styleIsolation: 'apply-shared', virtualHost: true },
externalClasses: ['my-class'], relations: {},
methods: { onLoad() { L('CB-11 accepted') } }
})
