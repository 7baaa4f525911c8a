/**
 * A DingTalk fake for tests, the harness's demo, bench and drills: an in-process HTTP server on 127.0.0.1 that
 * answers the Open API paths the real SDK calls, the custom-robot webhook and session webhooks, records what it
 * accepted, fails on demand, and delivers signed bot callbacks. It depends on no Duban module (it plays DingTalk's
 * side, with its own implementation of DingTalk's signature) and never ships in the product jar; it is plugged into
 * the bot through configuration ({@link io.duban.dingtalk.fake.FakeDingTalk#dubanProperties}).
 */
package io.duban.dingtalk.fake;
