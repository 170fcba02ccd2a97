import Foundation
import Testing

/// End-to-end: the chat service through the real CLI — the checkin sample, least authority over
/// conversations, per-message consent, the rate limit, provenance, and `minihost chat`.
@Suite struct ChatTests {
    static let world = CLI.packageRoot.appendingPathComponent("worlds/checkin.json").path

    static func permissions(_ names: [String]) -> String {
        #""req_permissions": ["# + names.map { #"{"name": "\#($0)"}"# }.joined(separator: ", ") + "]"
    }

    /// Runs a page method `t()` (its body given) of an app launched from `conversation`.
    func run(_ body: String, permissions: [String] = ["chat.read", "chat.send"], id: String = "org.test.chat", name: String = "Chat E2E",
             conversation: String? = "team", args: [String] = [], dataDir: String? = nil) throws -> CLI.Result {
        let app = try TempApp(id: id, name: name, files: [
            "pages/index/index.js": "Page({ async t() {\n\(body)\n} })",
        ], manifestExtra: Self.permissions(permissions))
        defer { app.remove() }
        return try CLI.run(["run", app.path, "--dev", "--json", "--world", Self.world, "--data-dir", dataDir ?? tempDataDir()]
                           + (conversation.map { ["--conversation", $0] } ?? []) + args, stdin: "call - t\n")
    }

    func chatShow(_ dataDir: String, _ conversation: String = "team") throws -> [[String: Any]] {
        let r = try CLI.run(["chat", "show", conversation, "--json", "--data-dir", dataDir, "--world", Self.world])
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func checkinPostsAndTalliesTheReplies() throws {
        let dir = tempDataDir()
        let r = try CLI.run(["run", "org.minihost.checkin", "--world", Self.world, "--conversation", "team", "--grant", "chat.message",
                             "--json", "--data-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.exit?["status"] as? String == "ok")
        let lines = r.consoleMessages
        #expect(lines.contains("checkin: launched from conversation team"))
        #expect(lines.contains("checkin: Team has 3 other member(s); 2 recent message(s), last from Alex: Thanks, see you there"))
        #expect(lines.contains { $0.hasPrefix("checkin: posted the check-in (message ") })
        #expect(lines.contains("checkin: Lin → here (\"here\")"))
        #expect(lines.contains("checkin: Sam → late (\"running late, 10 min\")"))
        #expect(lines.last == "checkin: tally: here 1 (Lin); late 1 (Sam); away 0; other 0; no reply 1 (Kai)")
        // The app's message carries its provenance; the peers' replies follow it.
        let shown = try chatShow(dir)
        #expect(shown.map { $0["text"] as? String } == ["Stand-up moved to 10:00 today", "Thanks, see you there",
                                                        "Check-in: who is here? (reply 'here')", "here", "running late, 10 min"])
        #expect(shown[2]["from"] as? String == "me")
        #expect(shown[2]["via_app_id"] as? String == "org.minihost.checkin")
        #expect(shown[2]["via_app_name"] as? String == "Team Check-in")
        #expect(shown[3]["via_app_name"] is NSNull)
        let text = try CLI.run(["chat", "show", "team", "--data-dir", dir])
        #expect(text.stdout.contains(" Alex via Team Check-in: Check-in: who is here? (reply 'here')\n"))
        #expect(text.stdout.contains(" Lin: here\n"))
        let list = try CLI.run(["chat", "list", "--data-dir", dir])
        #expect(list.stdout.contains("team     Team     5         me, lin, sam, kai"), "\(list.stdout)")
    }

    @Test func checkinDemoScriptRuns() throws {
        let r = try CLI.run(["run", "org.minihost.checkin", "--world", Self.world, "--conversation", "team", "--grant", "chat.message",
                             "--script", "miniprograms/checkin/demo.minihost", "--data-dir", tempDataDir()])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.components(separatedBy: "checkin: tally: here 1 (Lin); late 1 (Sam); away 0; other 0; no reply 1 (Kai)").count == 3)
        #expect(r.stdout.contains("\"status\":\"collecting\""))
    }

    @Test func checkinWithoutConsentPostsNothing() throws {
        let dir = tempDataDir()
        let r = try CLI.run(["run", "org.minihost.checkin", "--world", Self.world, "--conversation", "team", "--deny", "chat.message",
                             "--json", "--data-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages.last == "checkin: failed: sendMessage:fail cancel: the user declined to send the message (1004)")
        #expect(try chatShow(dir).count == 2)
        let audit = try CLI.run(["audit", "--json", "--data-dir", dir])
        #expect(audit.stdout.contains("the user declined this message in \\\"team\\\""))
    }

    @Test func withoutChatReadAnAppSeesNoConversation() throws {
        let r = try run("""
        try { await mp.getConversations({}) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        try { await mp.getMessages({ conversationId: 'team' }) } catch (e) { console.log(e.errMsg + ' ' + e.errCode) }
        """, permissions: ["chat.send"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["getConversations:fail permission not declared 1002", "getMessages:fail permission not declared 1002"])
    }

    @Test func withChatReadOnlyItsOwnConversation() throws {
        let r = try run("""
        const { conversations } = await mp.getConversations({});
        console.log(JSON.stringify(conversations.map(c => [c.conversationId, c.title, c.memberCount])));
        const { messages } = await mp.getMessages({ conversationId: 'team', limit: 1 });
        console.log(messages.map(m => m.from.name + ': ' + m.text).join('|'));
        for (const id of ['family', 'nope']) {
          try { await mp.getMessages({ conversationId: id }) } catch (e) { console.log(e.errCode + ' ' + e.errMsg.replace(id, 'X')) }
        }
        try { await mp.sendMessage({ conversationId: 'family', text: 'hi' }) } catch (e) { console.log(e.errCode + ' ' + e.errMsg.replace('family', 'X')) }
        """, args: ["--grant", "chat.message"])
        #expect(r.status == 0, "\(r.stderr)")
        let notFound = "getMessages:fail conversation \"X\" not found (an app sees the conversation it was launched from and those the user picked for it)"
        #expect(r.consoleMessages == [
            #"[["team","Team",4]]"#, "Alex: Thanks, see you there",
            "1007 " + notFound, "1007 " + notFound,
            "1007 sendMessage:fail conversation \"X\" not found (an app sees the conversation it was launched from and those the user picked for it)",
        ])
    }

    @Test func aPickedConversationBecomesVisible() throws {
        let r = try run("""
        console.log(JSON.stringify((await mp.getConversations({})).conversations));
        const picked = await mp.chooseConversation({});
        console.log(JSON.stringify(picked, ['conversationId', 'title', 'memberCount', 'errMsg']));
        const { messages } = await mp.getMessages({ conversationId: picked.conversationId });
        console.log(messages.map(m => m.text).join('|'));
        const contact = await mp.chooseContact({});
        console.log(contact.name + ' ' + contact.phone + ' ' + (contact.id !== 'kai' && contact.id !== 'lin'));
        """, conversation: nil, args: ["--grant", "choose"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == [
            "[]", #"{"conversationId":"family","title":"Family","memberCount":2,"errMsg":"chooseConversation:ok"}"#,
            "Call me tonight?", "Lin +86 138 0000 0001 true",
        ])
    }

    @Test func aHostileAppCannotSendFasterThanItsLimit() throws {
        let dir = tempDataDir()
        let r = try run("""
        for (let i = 1; i <= 11; i++) {
          try { await mp.sendMessage({ conversationId: 'team', text: 'spam ' + i }); console.log('sent ' + i) }
          catch (e) { console.log('message ' + i + ': ' + e.errCode + ' ' + e.errMsg) }
        }
        """, args: ["--grant", "chat.message"], dataDir: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.consoleMessages
        #expect(lines.prefix(10) == ArraySlice((1...10).map { "sent \($0)" }))
        #expect(lines.count == 11)
        #expect(lines.last?.hasPrefix("message 11: 1005 sendMessage:fail rate limit exceeded: at most 10 calls a minute") == true)
        #expect(try chatShow(dir).filter { $0["via_app_id"] as? String == "org.test.chat" }.count == 10)
    }

    @Test func alwaysInThisConversationIsRemembered() throws {
        let dir = tempDataDir()
        let grant = try CLI.run(["permissions", "grant", "chat.send", "--app", "org.test.chat", "--scope", "team", "--data-dir", dir])
        #expect(grant.status == 0, "\(grant.stderr)")
        // Per-message prompts are denied, but this app is allowed in "team" (not in "family").
        let r = try run("""
        const sent = await mp.sendMessage({ conversationId: 'team', text: 'remembered' });
        console.log('sent ' + (typeof sent.messageId));
        const picked = await mp.chooseConversation({});
        try { await mp.sendMessage({ conversationId: picked.conversationId, text: 'not here' }) } catch (e) { console.log(picked.conversationId + ' ' + e.errCode) }
        """, args: ["--deny", "chat.message", "--grant", "choose"], dataDir: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.consoleMessages == ["sent number", "family 1004"])
        #expect(try chatShow(dir).last?["text"] as? String == "remembered")
        #expect(try chatShow(dir, "family").count == 1)
    }

    @Test func anAppCannotSendAsAnotherApp() throws {
        let dir = tempDataDir()
        let good = try TempApp(id: "org.test.good", name: "Good", files: [
            "pages/index/index.js": "Page({ async t() { await mp.sendMessage({ conversationId: 'team', text: 'from good' }) } })",
        ], manifestExtra: Self.permissions(["chat.send"]))
        let evil = try TempApp(id: "org.test.evil", name: "Evil", files: [
            "pages/index/index.js": """
            Page({ async t() {
              await mp.sendMessage({ conversationId: 'team', text: 'from evil', via: 'Good', viaAppId: 'org.test.good', viaAppName: 'Good', from: 'lin', sender: 'lin' });
            } })
            """,
        ], manifestExtra: Self.permissions(["chat.send"]))
        defer { good.remove(); evil.remove() }
        let r = try CLI.run(["run", good.path, evil.path, "--dev", "--json", "--world", Self.world, "--conversation", "team",
                             "--grant", "chat.message", "--data-dir", dir], stdin: "call - t\n@org.test.evil call - t\n")
        #expect(r.status == 0, "\(r.stderr)")
        let shown = try chatShow(dir).suffix(2)
        #expect(shown.map { $0["text"] as? String } == ["from good", "from evil"])
        #expect(shown.map { $0["via_app_name"] as? String } == ["Good", "Evil"])
        #expect(shown.map { $0["via_app_id"] as? String } == ["org.test.good", "org.test.evil"])
        #expect(shown.allSatisfy { $0["from"] as? String == "me" })
    }

    @Test func aPostFromAnotherProcessReachesARunningApp() throws {
        let dir = tempDataDir()
        let app = try TempApp(id: "org.test.listen", files: [
            "app.js": "App({})",
            "pages/index/index.js": """
            Page({ async onLoad() {
              mp.onMessage(({ conversationId, message }) => console.log('got ' + conversationId + ' ' + message.from.name + ': ' + message.text + ' self=' + message.from.isSelf));
              const { conversations } = await mp.getConversations({});
              console.log('ready ' + conversations.length);
            } })
            """,
        ], manifestExtra: Self.permissions(["chat.read"]))
        defer { app.remove() }
        let session = try CLISession(["run", app.path, "--dev", "--json", "--world", Self.world, "--conversation", "team", "--data-dir", dir])
        #expect(session.waitFor { $0.contains("ready 1") })
        let post = try CLI.run(["chat", "post", "team", "hello from kai", "--as", "kai", "--data-dir", dir, "--world", Self.world])
        #expect(post.status == 0, "\(post.stderr)")
        #expect(post.stdout.contains(" Kai: hello from kai"))
        // Posted elsewhere: not for this app.
        let other = try CLI.run(["chat", "post", "family", "dinner?", "--as", "mum", "--no-replies", "--data-dir", dir, "--world", Self.world])
        #expect(other.status == 0, "\(other.stderr)")
        // The peers' replies to a post made by `chat post` are made by that command.
        let asked = try CLI.run(["chat", "post", "team", "Check-in time", "--as", "me", "--json", "--data-dir", dir, "--world", Self.world])
        #expect(asked.status == 0, "\(asked.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [String: Any]
        #expect((json?["replies"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["here", "running late, 10 min"])
        #expect(session.waitFor { $0.contains("got team Sam: running late, 10 min self=false") })
        let (status, out) = session.finish()
        #expect(status == 0)
        let got = out.split(separator: "\n").filter { $0.contains("\"got ") }
        #expect(got.count == 5, "\(got)")
        #expect(out.contains("got team Kai: hello from kai self=false"))
        #expect(out.contains("got team Sam: hi Kai, Sam here self=false"))
        #expect(out.contains("got team Alex: Check-in time self=true"))
        #expect(!out.contains("dinner?"))
    }

    /// An app that only listens (no chat call at all) gets messages from launch, once the user
    /// has granted chat.read.
    @Test func aListenerGetsMessagesFromLaunchWithoutAChatCall() throws {
        let dir = tempDataDir()
        let app = try TempApp(id: "org.test.quiet", files: [
            "pages/index/index.js": """
            Page({ onLoad() {
              mp.onMessage(({ conversationId, message }) => console.log('got ' + conversationId + ': ' + message.text));
              console.log('listening');
            } })
            """,
        ], manifestExtra: Self.permissions(["chat.read"]))
        defer { app.remove() }
        let grant = try CLI.run(["permissions", "grant", "chat.read", "--app", "org.test.quiet", "--data-dir", dir])
        #expect(grant.status == 0, "\(grant.stderr)")
        let session = try CLISession(["run", app.path, "--dev", "--json", "--world", Self.world, "--conversation", "team", "--data-dir", dir])
        #expect(session.waitFor { $0.contains("listening") })
        let post = try CLI.run(["chat", "post", "team", "anyone there?", "--as", "kai", "--no-replies", "--data-dir", dir, "--world", Self.world])
        #expect(post.status == 0, "\(post.stderr)")
        #expect(session.waitFor { $0.contains("got team: anyone there?") })
        _ = session.finish()
    }

    @Test func chatCommandsExplainMistakes() throws {
        let dir = tempDataDir()
        let missing = try CLI.run(["chat", "show", "nope", "--data-dir", dir, "--world", Self.world])
        #expect(missing.status == 2)
        #expect(missing.stderr == "minihost: no conversation \"nope\" (there are: family, team)\n")
        let stranger = try CLI.run(["chat", "post", "family", "hi", "--as", "lin", "--data-dir", dir, "--world", Self.world])
        #expect(stranger.status == 2)
        #expect(stranger.stderr == "minihost: \"lin\" is not a member of conversation \"family\" (members: me, mum)\n")
        let empty = try CLI.run(["chat", "post", "family", "", "--as", "mum", "--data-dir", dir])
        #expect(empty.status != 0)
        // Without --world, the built-in world's conversations that are not stored yet are added.
        let list = try CLI.run(["chat", "list", "--json", "--data-dir", dir])
        let items = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(items?.compactMap { $0["id"] as? String } == ["family", "friends", "team"])
        #expect(items?.first?["members"] as? [String] == ["me", "mum"])
        #expect(items?.first?["messages"] as? Int == 1)
    }
}
