App({
  onLaunch() {
    console.log('preview kit launched');
  },
});
