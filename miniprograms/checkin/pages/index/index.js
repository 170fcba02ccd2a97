// Posts a check-in question into the conversation, then tallies the members' replies as they
// arrive (mp.onMessage). Page methods: summary() prints the tally, ask() posts the question again.
const QUESTION = "Check-in: who is here? (reply 'here')";

/** What a reply says: 'here', 'late', 'away' or 'other'. */
function classify(text) {
  const t = String(text).toLowerCase();
  if (/\bhere\b/.test(t)) return 'here';
  if (/\blate\b/.test(t)) return 'late';
  if (/\b(away|out|sick|off)\b/.test(t)) return 'away';
  return 'other';
}

function names(list) {
  return list.length ? ' (' + list.join(', ') + ')' : '';
}

Page({
  data: { status: 'starting', conversationId: '', title: '', here: [], late: [], away: [], other: [], waiting: [] },

  onLoad() {
    this.answers = {};
    this.members = [];
    this.since = 0;
    this.start();
  },

  onUnload() {
    if (this.listener) mp.offMessage(this.listener);
  },

  async start() {
    try {
      let id = getApp().globalData.conversationId;
      if (!id) {
        // Not launched from a chat: let the user pick the conversation (the pick is the consent).
        id = (await mp.chooseConversation({})).conversationId;
      }
      const { conversations } = await mp.getConversations({});
      const conversation = conversations.find((c) => c.conversationId === id);
      if (!conversation) throw { errMsg: 'conversation ' + id + ' is not visible', errCode: 1007 };
      this.members = conversation.members.filter((m) => !m.isSelf);
      this.setData({ conversationId: id, title: conversation.title, waiting: this.members.map((m) => m.name) });

      const history = await mp.getMessages({ conversationId: id, limit: 10 });
      const last = history.messages[history.messages.length - 1];
      if (last) this.since = last.id;
      console.log('checkin: ' + conversation.title + ' has ' + this.members.length + ' other member(s); ' +
        history.messages.length + ' recent message(s)' + (last ? ', last from ' + last.from.name + ': ' + last.text : ''));

      // Listen before posting, so no reply is missed.
      this.listener = (event) => this.onReply(event);
      mp.onMessage(this.listener);
      await this.ask();
    } catch (e) {
      this.setData({ status: 'failed' });
      console.log('checkin: failed: ' + e.errMsg + ' (' + e.errCode + ')');
    }
  },

  async ask() {
    const sent = await mp.sendMessage({ conversationId: this.data.conversationId, text: QUESTION });
    this.setData({ status: 'asked' });
    console.log('checkin: posted the check-in (message ' + sent.messageId + ')');
  },

  onReply({ conversationId, message }) {
    if (conversationId !== this.data.conversationId || message.from.isSelf || message.id <= this.since) return;
    const key = message.from.id || message.from.name;
    const kind = classify(message.text);
    this.answers[key] = { name: message.from.name, kind };
    const tally = { here: [], late: [], away: [], other: [] };
    for (const a of Object.values(this.answers)) tally[a.kind].push(a.name);
    const waiting = this.members
      .filter((m) => !this.answers[m.id || m.name])
      .map((m) => m.name);
    this.setData({ ...tally, waiting, status: waiting.length ? 'collecting' : 'complete' });
    console.log('checkin: ' + message.from.name + ' → ' + kind + ' ("' + message.text + '")');
    this.summary();
  },

  summary() {
    const d = this.data;
    console.log('checkin: tally: here ' + d.here.length + names(d.here) + '; late ' + d.late.length + names(d.late) +
      '; away ' + d.away.length + names(d.away) + '; other ' + d.other.length + names(d.other) +
      '; no reply ' + d.waiting.length + names(d.waiting));
  },
});
