// The checkin sample: a group check-in launched from a conversation
// (minihost run org.minihost.checkin --world worlds/checkin.json --conversation team).
App({
  globalData: { conversationId: null },

  onLaunch(options) {
    // Launched from a chat, the app gets {scene: 'chat', conversationId}; that conversation is
    // the one it may read and post to (more only if the user picks them).
    if (options.scene === 'chat') this.globalData.conversationId = options.conversationId;
    console.log('checkin: launched from ' + (options.scene === 'chat' ? 'conversation ' + options.conversationId : 'the ' + options.scene + ' scene'));
  },

  onError(message) {
    console.error('checkin: error: ' + message.split('\n')[0]);
  },
});
