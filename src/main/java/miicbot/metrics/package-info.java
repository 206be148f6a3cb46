/**
 * Operator metrics: the small {@link miicbot.metrics.Metrics} interface the adapters call, its Micrometer and
 * Prometheus back-end, a store decorator that times updates and counts forms, and the admins' /stats text.
 * No chat id, name or text ever becomes a label; the engine and interview packages never import this.
 */
package miicbot.metrics;
