const L = (...a) => console.log(...a);
Component({
lifetimes: { created() { L('created') }, attached() { L('attached') }, ready() { L('ready') }, detached() { L('detached') } }
})
