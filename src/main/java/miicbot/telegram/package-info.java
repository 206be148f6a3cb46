/**
 * The Telegram adapter, one class per job: start-up calls, our own long poll ({@code UpdatePoller}) or the
 * webhook's updates, routing (updates turned into engine events), storing with retries, delivery on one ordered
 * queue per chat with pacing and tidy-ups within Telegram's limits, timed chores and admins' /stats. No
 * conversation logic here, and no other adapter.
 */
package miicbot.telegram;
