describe('broken', () => {
  it('never runs', () => {
    const a = ;
  });
});
