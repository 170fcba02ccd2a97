App({ onLaunch() { console.log('fixture launched'); } });
