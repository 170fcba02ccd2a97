const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
created() { L('created') }, attached() { L('attached') }, ready() { L('ready') }
})
